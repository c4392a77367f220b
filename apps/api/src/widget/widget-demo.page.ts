/** Plain HTML and vanilla JS, no build step. Kept free of backticks and dollar-brace so it can live in this string. */
export const WIDGET_DEMO_PAGE = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Threadline widget demo</title>
<link rel="icon" href="data:,">
<style>
  body { font: 15px/1.4 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  #log { border: 1px solid #ccc; border-radius: 6px; height: 24rem; overflow-y: auto; padding: .5rem; }
  .msg { margin: .4rem 0; padding: .4rem .6rem; border-radius: 6px; background: #f1f3f5; max-width: 85%; }
  .customer { background: #d0ebff; margin-left: auto; }
  .system { background: none; color: #666; font-style: italic; }
  .who { font-size: 12px; color: #555; }
  .cites { font-size: 12px; margin: .3rem 0 0; padding-left: 1rem; }
  form { display: flex; gap: .5rem; margin-top: .5rem; }
  #text { flex: 1; padding: .4rem; }
  #status { color: #a61e4d; min-height: 1.4em; }
</style>
</head>
<body>
<h1>Threadline chat (demo)</h1>
<p id="status"></p>
<div id="log" role="log" aria-label="Conversation" aria-live="polite"></div>
<form id="form">
  <input id="text" autocomplete="off" aria-label="Message" placeholder="Type a message" disabled><button disabled>Send</button>
</form>
<script>
(function () {
  var key = new URLSearchParams(location.search).get('key');
  var statusEl = document.getElementById('status');
  var log = document.getElementById('log');
  var form = document.getElementById('form');
  var input = document.getElementById('text');
  var seen = {};
  var lastSeq = '0';
  var token = null;
  var refreshing = null;
  var refreshTimer = null;
  var source = null;
  var storageKey = 'threadline:visitor-refresh:' + key;
  var names = { customer: 'You', bot: 'Assistant', agent: 'Agent', system: 'System' };

  function status(text) { statusEl.textContent = text || ''; }

  function api(method, path, body, auth) {
    var headers = { 'Content-Type': 'application/json' };
    if (auth) { headers.Authorization = 'Bearer ' + auth; }
    return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) {
          if (res.ok) { return data; }
          var error = new Error(data.message || res.statusText);
          error.status = res.status;
          throw error;
        });
      });
  }

  // The access token lives in memory only and lasts minutes; the refresh token (kept in localStorage) works once
  // and is swapped for a new pair shortly before the access token expires, or when a request is refused with 401.
  // An open stream is moved over to the new token, so it never outlives the token in its URL.
  function useSession(session) {
    token = session.visitorToken;
    localStorage.setItem(storageKey, session.refreshToken);
    if (source) { listen(); }
    clearTimeout(refreshTimer);
    var wait = new Date(session.expiresAt).getTime() - Date.now() - 30000;
    refreshTimer = setTimeout(function () { refresh().catch(function () {}); }, Math.max(wait, 1000));
    return session;
  }

  function refresh() {
    if (refreshing) { return refreshing; }
    var saved = localStorage.getItem(storageKey);
    var next = saved
      ? api('POST', '/widget/sessions/refresh', { refreshToken: saved }).catch(function (error) {
          if (error.status !== 401) { throw error; }
          localStorage.removeItem(storageKey);
          return api('POST', '/widget/sessions', { widgetKey: key });
        })
      : api('POST', '/widget/sessions', { widgetKey: key });
    refreshing = next.then(useSession);
    refreshing.then(function () { refreshing = null; }, function () { refreshing = null; });
    return refreshing;
  }

  /** A call with the access token; a 401 (expired or revoked) refreshes once and tries again. */
  function authed(method, path, body) {
    return api(method, path, body, token).catch(function (error) {
      if (error.status !== 401) { throw error; }
      return refresh().then(function () { return api(method, path, body, token); });
    });
  }

  function render(message) {
    if (Number(message.seq) > Number(lastSeq)) { lastSeq = message.seq; }
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    var item = document.createElement('div');
    item.className = 'msg ' + message.authorKind;
    var who = document.createElement('div');
    who.className = 'who';
    who.textContent = names[message.authorKind] + ' - ' + new Date(message.createdAt).toLocaleTimeString();
    var text = document.createElement('div');
    text.textContent = message.body;
    item.appendChild(who);
    item.appendChild(text);
    if (message.citations && message.citations.length) {
      var list = document.createElement('ul');
      list.className = 'cites';
      message.citations.forEach(function (citation) {
        var li = document.createElement('li');
        li.textContent = citation.title + ': ' + citation.snippet;
        li.title = 'Article ' + citation.articleId;
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  // The stream URL carries the short-lived access token (EventSource cannot send headers). Should the server end
  // the stream (token expired, session revoked), the browser's reconnect with that token is refused; the page then
  // refreshes the token and opens a new stream after the last message it has.
  function listen() {
    if (source) { source.close(); }
    source = new EventSource('/widget/stream?after=' + lastSeq + '&token=' + encodeURIComponent(token));
    source.addEventListener('message', function (event) { render(JSON.parse(event.data)); });
    source.onopen = function () { status(''); };
    source.onerror = function () {
      if (source.readyState !== EventSource.CLOSED) { status('Connection lost; reconnecting...'); return; }
      status('Reconnecting...');
      source = null;
      refresh().then(listen, function (error) {
        status('Connection lost: ' + error.message);
        setTimeout(function () { refresh().then(listen, function () {}); }, 5000);
      });
    };
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = input.value.trim();
    if (!body) { return; }
    var clientMessageId = 'm_' + Date.now().toString(36) + '_' + Math.random().toString(36).slice(2, 10);
    input.value = '';
    authed('POST', '/widget/messages', { clientMessageId: clientMessageId, body: body })
      .then(function () { status(''); })
      .catch(function (error) { status(error.message); input.value = body; });
  });

  if (!key) { status('Add ?key=<widget key> to the address.'); return; }
  refresh().then(function () {
    input.disabled = false;
    form.querySelector('button').disabled = false;
    listen();
  }).catch(function (error) { status('Could not start a session: ' + error.message); });
})();
</script>
</body>
</html>
`;
