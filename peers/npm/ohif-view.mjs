// Opens a study in OHIF v3 (the pre-built viewer in ohif-dist/, see setup.sh) in headless Debian Chromium, the way a
// radiologist's browser would, and reports as one JSON object on stdout what happened: whether the viewport drew an
// image, every DICOMweb request and which of them failed, the study list's text, the browser's console errors.
//
//   node ohif-view.mjs DICOMWEB_ROOT STUDY_UID [--wado-uri URL] [--port N] [--proxy] [--screenshot FILE]
//                      [--timeout-ms N]
//
// --screenshot FILE saves the viewer there and the study list beside it (FILE with -list before .png).
//
// OHIF is served by a small static server on its own port (--port, default any free one): another origin than the
// DICOMweb server, so the browser enforces CORS exactly as in a hospital where OHIF and the archive are on different
// hosts. --proxy instead serves the DICOMweb root through the same origin, for servers without CORS (Orthanc 1.10).
// --wado-uri makes OHIF load images from that WADO-URI endpoint (OHIF's imageRendering 'wadouri') instead of WADO-RS.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(HERE, 'ohif-dist');
const CHROMIUM = process.env.HRNODE_CHROMIUM || '/usr/bin/chromium';
const PROXY_PREFIXES = { dicomweb: '/proxy/dicomweb', wadoUri: '/proxy/wado-uri' };

const args = process.argv.slice(2);
const VALUED = ['--wado-uri', '--port', '--screenshot', '--timeout-ms'];
const positional = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1]));
const [dicomwebRoot, studyUid] = positional;
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const useProxy = args.includes('--proxy');
const screenshot = option('--screenshot');
const timeoutMs = Number(option('--timeout-ms') ?? 90000);
const port = Number(option('--port') ?? 0);
const wadoUri = option('--wado-uri');
if (!dicomwebRoot || !studyUid) {
  console.error('usage: node ohif-view.mjs DICOMWEB_ROOT STUDY_UID [--wado-uri URL] [--port N] [--proxy] '
    + '[--screenshot FILE] [--timeout-ms N]');
  process.exit(2);
}
if (!existsSync(path.join(DIST, 'index.html'))) {
  console.error(`no OHIF viewer in ${DIST}: run peers/npm/setup.sh`);
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.map': 'application/json',
};

// OHIF's own configuration file (app-config.js sets window.config): one DICOMweb data source, the server under test.
function appConfig(root, wadoUriRoot) {
  const source = {
    namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
    sourceName: 'dicomweb',
    configuration: {
      friendlyName: 'server under test',
      name: 'dicomweb',
      qidoRoot: root,
      wadoRoot: root,
      wadoUriRoot: wadoUriRoot ?? root,
      qidoSupportsIncludeField: true,
      imageRendering: wadoUriRoot ? 'wadouri' : 'wadors',
      thumbnailRendering: 'wadors',
      enableStudyLazyLoad: true,
      supportsFuzzyMatching: false,
      supportsWildcard: true,
      staticWado: false,
      singlepart: 'bulkdata,video',
      bulkDataURI: { enabled: true, relativeResolution: 'studies' },
      omitQuotationForMultipartRequest: true,
    },
  };
  const config = {
    routerBasename: '/',
    extensions: [],
    modes: [],
    showStudyList: true,
    maxNumberOfWebWorkers: 2,
    showWarningMessageForCrossOrigin: false,
    showCPUFallbackMessage: false,
    showLoadingIndicator: true,
    strictZSpacingForVolumeViewport: true,
    defaultDataSourceName: 'dicomweb',
    investigationalUseDialog: { option: 'never' },
    dataSources: [source],
  };
  return `window.config = ${JSON.stringify(config, null, 2)};\n`;
}

// Static files with the single-page-app fallback OHIF's serve.json asks for; node's http module is enough for a
// test server and keeps this harness free of another dependency. `targets` are the server's URLs by PROXY_PREFIXES key.
function startServer(targets) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const proxied = useProxy
      && Object.keys(PROXY_PREFIXES).find((k) => targets[k] && url.pathname.startsWith(PROXY_PREFIXES[k]));
    if (proxied) {
      proxy(req, res, targets[proxied] + url.pathname.slice(PROXY_PREFIXES[proxied].length) + url.search);
      return;
    }
    if (url.pathname === '/app-config.js') {
      const seen = browserUrls(`http://${req.headers.host}`, targets);
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      res.end(appConfig(seen.dicomweb, seen.wadoUri));
      return;
    }
    let file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
      file = path.join(DIST, 'index.html');
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// The server's URLs as the browser uses them: the server itself, or through the proxy on the page's origin.
function browserUrls(origin, targets) {
  const seen = {};
  for (const [k, target] of Object.entries(targets)) {
    if (target) {
      seen[k] = useProxy ? origin + PROXY_PREFIXES[k] : target;
    }
  }
  return seen;
}

function proxy(req, res, to) {
  const upstream = http.request(to, { method: req.method, headers: { ...req.headers, host: new URL(to).host } },
    (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
  upstream.on('error', (e) => {
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end(String(e));
  });
  req.pipe(upstream);
}

// Statistics of the first viewport's canvas, computed in the page: cornerstone draws each viewport into a 2D canvas.
async function canvasStats(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas.cornerstone-canvas')
      ?? document.querySelector('.cornerstone-viewport-element canvas');
    if (!canvas || canvas.width === 0 || canvas.height === 0) {
      return null;
    }
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d');
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    const values = new Set();
    let nonBlack = 0;
    for (let i = 0; i < data.length; i += 4) {
      const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
      values.add(Math.round(grey));
      if (grey > 8) {
        nonBlack++;
      }
    }
    return { width: canvas.width, height: canvas.height, distinctGreyLevels: values.size,
      nonBlackFraction: nonBlack / (data.length / 4) };
  });
}

const started = Date.now();
const targets = { dicomweb: dicomwebRoot.replace(/\/+$/, ''), wadoUri: wadoUri };
const server = await startServer(targets);
const origin = `http://127.0.0.1:${server.address().port}`;
const serverUrls = Object.values(browserUrls(origin, targets));
const toServer = (url) => serverUrls.some((prefix) => url.startsWith(prefix));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  // root in a container has no user namespaces for the sandbox; swiftshader gives WebGL without a GPU
  // containers give /dev/shm 64 MB, too little for Chromium's renderer: use /tmp instead
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--lang=zh-CN'],
});
const result = {
  viewerOrigin: origin, serverUrls, requests: [], failedRequests: [], abortedRequests: [],
  consoleErrors: [],
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text().slice(0, 500)); });
  page.on('pageerror', (e) => result.consoleErrors.push(`page error: ${String(e).slice(0, 500)}`));
  page.on('requestfailed', (r) => {
    if (!toServer(r.url())) {
      return;
    }
    const entry = { method: r.method(), url: r.url(), failure: r.failure()?.errorText ?? 'failed' };
    // ERR_ABORTED is the page cancelling its own request (OHIF aborts superseded searches; leaving a page aborts
    // what is in flight), never the server's doing; CORS refusals and broken connections have other codes
    (entry.failure === 'net::ERR_ABORTED' ? result.abortedRequests : result.failedRequests).push(entry);
  });
  page.on('response', async (r) => {
    if (!toServer(r.url())) {
      return;
    }
    const entry = { method: r.request().method(), url: r.url(), status: r.status(),
      contentType: r.headers()['content-type'] ?? null };
    result.requests.push(entry);
    if (r.status() >= 400) {
      result.failedRequests.push(entry);
    }
  });

  // The study list first: what a user sees before opening a study (names included).
  const studySearch = page.waitForResponse((r) => toServer(r.url()) && /\/studies\?/.test(r.url()),
    { timeout: timeoutMs }).catch(() => {});
  await page.goto(`${origin}/?StudyInstanceUIDs=${encodeURIComponent(studyUid)}`, { waitUntil: 'load' });
  await studySearch;
  await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
  // the list shows "0-0 of 0" until React has drawn the search's answer
  await page.waitForFunction(() => !/\b0-0 of 0\b/.test(document.body.innerText), null, { timeout: 15000 })
    .catch(() => {});
  result.studyListText = (await page.evaluate(() => document.body.innerText)).slice(0, 4000);
  if (screenshot) {
    await page.screenshot({ path: screenshot.replace(/(\.png)?$/, '-list.png') });
  }

  await page.goto(`${origin}/viewer?StudyInstanceUIDs=${encodeURIComponent(studyUid)}`, { waitUntil: 'load' });
  const deadline = Date.now() + timeoutMs;
  let stats = null;
  while (Date.now() < deadline) {
    stats = await canvasStats(page).catch(() => null);
    if (stats && stats.distinctGreyLevels > 1) {
      break;
    }
    await page.waitForTimeout(250);
  }
  // let in-flight requests (other slices, thumbnails) finish so their failures are seen too
  await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
  result.canvas = stats;
  result.rendered = !!stats && stats.distinctGreyLevels > 1;
  result.viewerText = (await page.evaluate(() => document.body.innerText)).slice(0, 4000);
  if (screenshot) {
    await page.screenshot({ path: screenshot });
  }
} catch (e) {
  result.error = String(e).slice(0, 2000);
} finally {
  result.elapsedMs = Date.now() - started;
  await browser.close();
  server.close();
}
process.stdout.write(JSON.stringify(result));
process.exit(result.error ? 1 : 0);
