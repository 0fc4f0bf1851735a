import { describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { bypassed, environmentProxies, isLoopbackHost, proxyRouteFor, type ProxyConfig, type ProxySource } from './proxy';

const env = (vars: Record<string, string>): ProxyConfig => ({ mode: 'environment', env: vars });
const route = (url: string, config: ProxySource) => proxyRouteFor(new URL(url), config)?.display;

describe('choosing a proxy', () => {
  it('reads HTTPS_PROXY for https and HTTP_PROXY for http, lower case first; never HTTP_PROXY for https', () => {
    const vars = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', HTTP_PROXY: 'http://plain:3' };
    expect(route('https://api.chat2desk.com/v1', env(vars))).toBe('lower:2');
    expect(route('http://api.example.com/', env(vars))).toBe('plain:3');
    expect(route('https://api.chat2desk.com/v1', env({ HTTP_PROXY: 'http://plain:3' }))).toBeUndefined();
    expect(route('https://api.chat2desk.com/v1', env({}))).toBeUndefined();
    // Environment values often have no scheme: http is meant.
    expect(route('https://api.chat2desk.com/v1', env({ HTTPS_PROXY: 'proxy.corp:3128' }))).toBe('proxy.corp:3128');
  });

  it('reads NO_PROXY as curl does: *, names with their subdomains, ports, IPs and CIDR ranges', () => {
    const no = (list: string, url: string) => bypassed(new URL(url), list);
    expect(no('*', 'https://api.chat2desk.com/')).toBe(true);
    expect(no('chat2desk.com', 'https://api.chat2desk.com/')).toBe(true);
    expect(no('.chat2desk.com', 'https://chat2desk.com/')).toBe(true);
    expect(no('*.chat2desk.com', 'https://api.chat2desk.com/')).toBe(true);
    expect(no('desk.com', 'https://api.chat2desk.com/')).toBe(false);
    expect(no('other.org, api.chat2desk.com:443', 'https://api.chat2desk.com/')).toBe(true);
    expect(no('api.chat2desk.com:8443', 'https://api.chat2desk.com/')).toBe(false);
    expect(no('10.0.0.0/8', 'https://10.20.30.40/')).toBe(true);
    expect(no('10.0.0.0/8', 'https://11.0.0.1/')).toBe(false);
    expect(no('192.168.1.5', 'https://192.168.1.5:9000/')).toBe(true);
    expect(no('[2001:db8::1]:443', 'https://[2001:db8::1]/')).toBe(true);
    const vars = { HTTPS_PROXY: 'http://p:1', no_proxy: 'green-api.com' };
    expect(route('https://7103.api.green-api.com/', env(vars))).toBeUndefined();
    expect(route('https://api.chat2desk.com/', env(vars))).toBe('p:1');
  });

  it('always sends loopback direct, even with an explicit proxy', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '[::ffff:127.0.0.1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(route(`http://${host}:8080/v1`, { mode: 'explicit', url: 'http://p:1' }), host).toBeUndefined();
    }
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
    expect(route('https://api.chat2desk.com/', { mode: 'explicit', url: 'http://p:1', noProxy: 'chat2desk.com' })).toBeUndefined();
    expect(route('https://api.chat2desk.com/', { mode: 'direct' })).toBeUndefined();
  });

  it('keeps credentials out of the display and hands them to the redactor; a bad value is named, not echoed', () => {
    const chosen = proxyRouteFor(new URL('https://api.chat2desk.com/'), { mode: 'explicit', url: 'http://ops:s3cr%40t-pass@proxy.corp:8080' });
    expect(chosen?.display).toBe('proxy.corp:8080');
    expect(chosen?.secrets).toEqual(expect.arrayContaining(['ops', 's3cr@t-pass', 's3cr%40t-pass']));
    const bad = (() => {
      try {
        proxyRouteFor(new URL('https://api.chat2desk.com/'), env({ HTTPS_PROXY: 'socks9://user:hunter22@x:1' }));
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(bad).toBeInstanceOf(AppError);
    expect(bad!.code).toBe('invalid_input');
    expect(bad!.message).toContain('HTTPS_PROXY');
    expect(bad!.message).not.toContain('hunter22');
  });

  it('routes ws:// like http:// and wss:// like https://, with their default ports for the bypass list', () => {
    const vars = { HTTPS_PROXY: 'http://secure:1', HTTP_PROXY: 'http://plain:2' };
    expect(route('wss://api.chatpush.example/socket/websocket', env(vars))).toBe('secure:1');
    expect(route('ws://api.chatpush.example/socket/websocket', env(vars))).toBe('plain:2');
    expect(route('wss://api.chatpush.example/socket', env({ ...vars, NO_PROXY: 'api.chatpush.example:443' }))).toBeUndefined();
  });

  it('sends loopback through an explicit proxy only when its bypass list says <-loopback>, and still honours the rest of it', () => {
    const explicit = (noProxy: string): ProxyConfig => ({ mode: 'explicit', url: 'http://p:1', noProxy });
    expect(route('http://127.0.0.1:8080/v1', explicit('<-loopback>'))).toBe('p:1');
    expect(route('ws://localhost:8080/socket', explicit('corp.local, <-LOOPBACK>'))).toBe('p:1');
    expect(route('http://127.0.0.1:8080/v1', explicit('<-loopback>, 127.0.0.1:8080'))).toBeUndefined();
    expect(route('https://api.chat2desk.com/', explicit('<-loopback>'))).toBe('p:1');
    // NO_PROXY from the environment is read as curl reads it: the token means nothing there.
    expect(route('http://127.0.0.1:8080/v1', env({ HTTP_PROXY: 'http://p:1', NO_PROXY: '<-loopback>' }))).toBeUndefined();
  });

  it('takes the setting\'s user name and password over the URL, encoded so any character survives, and hands the password to the redactor', () => {
    const chosen = proxyRouteFor(new URL('https://api.chat2desk.com/'), {
      mode: 'explicit',
      url: 'http://proxy.corp:8080',
      username: 'corp\\ops@x',
      password: 'p%41ss:w@rd/1',
    });
    expect(chosen?.display).toBe('proxy.corp:8080');
    expect(decodeURIComponent(chosen!.proxyUrl.username)).toBe('corp\\ops@x');
    expect(decodeURIComponent(chosen!.proxyUrl.password)).toBe('p%41ss:w@rd/1');
    expect(chosen?.secrets).toContain('p%41ss:w@rd/1');
    expect(chosen?.secrets).not.toContain('corp\\ops@x');
  });

  it('reads the proxy setting from a function on every call', () => {
    let current: ProxyConfig = { mode: 'direct' };
    const source = () => current;
    expect(route('https://api.chat2desk.com/', source)).toBeUndefined();
    current = { mode: 'explicit', url: 'http://p:1' };
    expect(route('https://api.chat2desk.com/', source)).toBe('p:1');
  });

  it('shows the environment\'s proxies as host:port only', () => {
    expect(environmentProxies({ HTTPS_PROXY: 'http://user:hunter22@proxy.corp:3128', no_proxy: 'corp.local' })).toEqual({
      httpsProxy: 'proxy.corp:3128',
      httpProxy: null,
      noProxy: 'corp.local',
    });
    expect(environmentProxies({ HTTPS_PROXY: 'socks9://x:1' }).httpsProxy).toBeNull();
  });
});
