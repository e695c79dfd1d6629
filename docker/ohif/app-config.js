/* OHIF against HR Node through the balancer. The browser calls these URLs, so they are the balancer's address as
 * the user's browser sees it (compose publishes it on localhost:8080); the node allows this viewer's origin with
 * HRNODE_CORS_ALLOWED_ORIGINS. Change both together when the viewer or the balancer move. */
window.config = {
  routerBasename: '/',
  showStudyList: true,
  extensions: [],
  modes: [],
  dataSources: [
    {
      namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
      sourceName: 'hrnode',
      configuration: {
        friendlyName: 'HR Node',
        name: 'hrnode',
        qidoRoot: 'http://localhost:8080/dicomweb',
        wadoRoot: 'http://localhost:8080/dicomweb',
        wadoUriRoot: 'http://localhost:8080/wado',
        qidoSupportsIncludeField: true,
        supportsReject: false,
        imageRendering: 'wadors',
        thumbnailRendering: 'wadors',
        enableStudyLazyLoad: true,
        supportsFuzzyMatching: false,
        supportsWildcard: true,
        omitQuotationForMultipartRequest: true,
        bulkDataURI: { enabled: true },
      },
    },
  ],
  defaultDataSourceName: 'hrnode',
};
