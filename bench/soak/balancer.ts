import http from 'node:http';

/**
 * The load balancer in front of the app processes: round robin, and a request that finds a process gone
 * (connection refused: nothing was sent) goes to the next one. A connection that breaks after the request
 * was sent is answered 502 and never repeated, since the process may have done the work: the client
 * decides, as a browser behind a real balancer would.
 */
export function startBalancer(port: number, upstreams: number[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const stats = { requests: 0, refused: 0, broken: 0 };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      stats.requests++;
      const body = Buffer.concat(chunks);
      const first = next++ % upstreams.length;
      const attempt = (n: number) => {
        const target = upstreams[(first + n) % upstreams.length]!;
        const up = http.request(
          {
            host: '127.0.0.1',
            port: target,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: `127.0.0.1:${target}` },
            agent,
          },
          (upRes) => {
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            upRes.pipe(res);
            upRes.on('error', () => res.destroy());
          },
        );
        up.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code === 'ECONNREFUSED' && n + 1 < upstreams.length) {
            stats.refused++;
            attempt(n + 1);
            return;
          }
          stats.broken++;
          if (!res.headersSent) {
            res.writeHead(502, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ code: 'BAD_GATEWAY', message: e.message }));
          } else res.destroy();
        });
        up.end(body);
      };
      attempt(0);
    });
  });
  return {
    stats,
    listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
