import http from 'node:http';
import { ProxyAgent, fetch as ufetch } from 'undici';
const proxy = http.createServer((q, s) => s.end('x'));
proxy.on('connect', (req, sock) => { sock.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n'); });
await new Promise(r => proxy.listen(0, '127.0.0.1', r));
const agent = new ProxyAgent({ uri: `http://127.0.0.1:${proxy.address().port}` });
const show = (e, d=0) => { if (!e || d>4) return; console.log(' '.repeat(d*2), e.name, JSON.stringify(e.code), e.message, e.errno ?? ''); show(e.cause, d+1); };
try { await fetch('http://api.example.test/v1', { dispatcher: agent }); } catch (e) { show(e); }
try { await ufetch('http://api.example.test/v1', { dispatcher: agent }); } catch (e) { show(e); }
proxy.removeAllListeners('connect');
proxy.on('connect', (req, sock) => { sock.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'); });
const a2 = new ProxyAgent({ uri: `http://127.0.0.1:${proxy.address().port}` });
try { await fetch('https://api.example.test/v1', { dispatcher: a2 }); } catch (e) { show(e); }
proxy.removeAllListeners('connect');
proxy.on('connect', (req, sock) => { sock.destroy(); });
const a3 = new ProxyAgent({ uri: `http://127.0.0.1:${proxy.address().port}` });
try { await fetch('https://api.example.test/v1', { dispatcher: a3 }); } catch (e) { show(e); }
process.exit(0);
