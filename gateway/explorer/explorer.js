// The offline explorer of a surface: GraphiQL from the project's own files, nothing from a CDN.
// The page is served by the surface's path; queries go to the same path. The page tells it about
// its surface (gateway/src/explorer.ts): a surface that runs registered operations only gets those
// operations, one tab each, run by id, and its schema for reading; free queries are explained,
// not sent.
(function () {
  var params = new URLSearchParams(window.location.search);
  var config = JSON.parse(document.getElementById('explorer-config').textContent);
  var url = window.location.pathname;
  var fetcher = GraphiQL.createFetcher({ url: url });
  var respond = function (body) {
    return Promise.resolve(body);
  };
  var props = {
    fetcher: fetcher,
    defaultQuery: params.get('query') || '{\n  viewer {\n    level\n    surface\n  }\n}\n',
    defaultHeaders: config.token
      ? '{\n  "Authorization": "Bearer <token from npm run token>"\n}'
      : '',
    headerEditorEnabled: config.token,
    shouldPersistHeaders: config.token,
    defaultEditorToolsVisibility: config.token ? 'headers' : 'variables',
  };
  if (config.trustedOnly) {
    var names = config.operations.map(function (operation) {
      return operation.name;
    });
    var refusal =
      'This surface runs registered operations only (the front ends register theirs in ' +
      'schema/trusted-documents.json): run one of the tabs as it is, ' +
      (names.length ? names.join(', ') : 'none registered yet') +
      '. An edited or new operation is not registered, so it is not sent.';
    props.fetcher = function (graphQLParams) {
      if (graphQLParams.operationName === 'IntrospectionQuery') {
        if (!config.schemaUrl)
          return respond({ errors: [{ message: 'This surface answers no introspection.' }] });
        return fetch(config.schemaUrl).then(function (response) {
          return response.json();
        });
      }
      var text = (graphQLParams.query || '').trim();
      var registered = config.operations.find(function (operation) {
        return operation.body.trim() === text;
      });
      if (!registered) return respond({ errors: [{ message: refusal }] });
      return fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          documentId: 'sha256:' + registered.id,
          operationName: registered.name,
          variables: graphQLParams.variables || {},
        }),
      }).then(function (response) {
        return response.json();
      });
    };
    props.defaultTabs = config.operations.map(function (operation) {
      return { query: operation.body, variables: JSON.stringify(operation.variables, null, 2) };
    });
    if (!config.operations.length) props.defaultQuery = '# ' + refusal + '\n';
  }
  var root = ReactDOM.createRoot(document.getElementById('explorer'));
  root.render(React.createElement(GraphiQL, props));
})();
