/* Boots GraphiQL in the explorer page; served from 'self' so the page's CSP needs no 'unsafe-inline'. */
/* global document, React, ReactDOM, GraphiQL */
'use strict';
(function () {
  const config = JSON.parse(document.getElementById('explorer-config').textContent);
  const tabs = config.examples.map((example) => ({
    query: example.query,
    variables: example.variables ? JSON.stringify(example.variables, null, 2) : null,
  }));
  const element = React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: config.url }),
    defaultTabs: tabs.length ? tabs : undefined,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(element);
})();
