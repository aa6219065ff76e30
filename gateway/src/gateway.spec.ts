import { readFileSync } from 'node:fs';
import { loadConfig } from './config';
import { subgraphTargets } from './gateway';

const supergraph = readFileSync(loadConfig({}).SUPERGRAPH_PATH, 'utf8');

describe('the gateway configuration', () => {
  it('routes to the subgraphs the committed supergraph names, at their routing URLs by default', () => {
    expect(subgraphTargets(supergraph, loadConfig({}))).toEqual([
      { name: 'channels', url: 'http://localhost:4003/graphql' },
      { name: 'deliberation', url: 'http://localhost:4002/graphql' },
      { name: 'organization', url: 'http://localhost:4001/graphql' },
    ]);
  });

  it('lets the environment say where each subgraph answers', () => {
    const config = loadConfig({ ORGANIZATION_URL: 'http://organization:4001/graphql' });
    expect(subgraphTargets(supergraph, config)).toContainEqual({
      name: 'organization',
      url: 'http://organization:4001/graphql',
    });
  });

  it('refuses to start on a subgraph URL that is not http(s), naming the variable', () => {
    expect(() => loadConfig({ CHANNELS_URL: 'ftp://channels/graphql' })).toThrow(/CHANNELS_URL/);
    expect(() => loadConfig({ SUBGRAPH_TIMEOUT_MS: '5' })).toThrow(/SUBGRAPH_TIMEOUT_MS/);
  });
});
