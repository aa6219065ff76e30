import pino from 'pino';
import { Writable } from 'node:stream';
import { requestLogPlugin } from './request-log';

/** The log line of one request, as the plugin writes it through pino. */
async function logLineOf(request: { operationName?: string; variables?: Record<string, unknown> }) {
  const lines: string[] = [];
  const logger = pino(
    { redact: ['variables', '*.variables'] },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const plugin = requestLogPlugin(logger);
  const contextValue = {
    requestId: 'req-1',
    caller: {
      subject: 'dev:county:320706',
      level: 'COUNTY' as const,
      division: '320706',
      roles: ['STAFF'],
      surface: 'county' as const,
    },
  };
  const listener = await plugin.requestDidStart!({ contextValue, request } as never);
  await listener!.willSendResponse!({
    errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    operationName: request.operationName,
  } as never);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

describe('the log line of a request', () => {
  it('says who, where, what and how long, with pino’s numeric level intact', async () => {
    const line = await logLineOf({ operationName: 'CountyHomes' });
    expect(line).toMatchObject({
      level: 30,
      requestId: 'req-1',
      caller: 'dev:county:320706',
      callerLevel: 'COUNTY',
      surface: 'county',
      operationName: 'CountyHomes',
      errorCodes: ['BAD_USER_INPUT'],
    });
    expect(typeof line.durationMs).toBe('number');
  });

  it('never carries the variables, which may hold personal data', async () => {
    const line = await logLineOf({
      operationName: 'CreateParticipant',
      variables: { phone: '13905181234' },
    });
    expect(JSON.stringify(line)).not.toMatch(/13905181234/);
  });
});
