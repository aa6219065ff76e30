// A department system's webhook receiver, the smallest that is correct: it verifies each delivery's
// Standard Webhooks signature with the `standardwebhooks` library, answers 2xx only then, skips a
// `webhook-id` it has already handled (deliveries are at least once), and prints each event as one
// JSON line. It refuses to start (exit code 2) without a signing secret. Run it from the repository
// (where `standardwebhooks` is installed):
//
//   WEBHOOK_SECRET=whsec_… node docs/examples/webhook-receiver.mjs 9000 >> events.jsonl
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const port = Number(process.argv[2] ?? 9000);
const secret = process.env.WEBHOOK_SECRET ?? '';
if (!/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)) {
  // Not the `secret` createWebhookSubscription answered (e.g. its error, or nothing).
  console.error('WEBHOOK_SECRET is not a signing secret (whsec_…): create the subscription first.');
  process.exit(2);
}
const webhook = new Webhook(secret);
const handled = new Set();

createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let event;
    try {
      // Checks webhook-signature (HMAC-SHA256 of `id.timestamp.body`) and that
      // webhook-timestamp is within five minutes; throws otherwise.
      event = webhook.verify(body, request.headers);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const id = request.headers['webhook-id'];
    if (!handled.has(id)) {
      handled.add(id);
      console.log(JSON.stringify({ webhookId: id, ...event }));
    }
    response.writeHead(204).end();
  });
}).listen(port, '127.0.0.1');
