// The offline explorer of a surface: GraphiQL from the project's own files, nothing from a CDN.
// The page is served by the surface's path; queries go to the same path.
(function () {
  var params = new URLSearchParams(window.location.search);
  var fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  var root = ReactDOM.createRoot(document.getElementById('explorer'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: params.get('query') || '{\n  viewer {\n    level\n    surface\n  }\n}\n',
      defaultHeaders: '{\n  "Authorization": "Bearer <token from npm run token>"\n}',
      headerEditorEnabled: true,
      shouldPersistHeaders: true,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
