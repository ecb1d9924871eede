'use strict';
// Preloaded with `node -r` into every emulator the JVM starts.

// 1. The JVM holds this process's stdin as a pipe and never writes to it; the pipe
// reaches end-of-file only when the JVM is gone, however it died (kill -9 included).
// The emulator must then exit too, or it would linger as an orphan holding its port.
const exit = () => process.exit(0);
process.stdin.on('end', exit);
process.stdin.on('close', exit);
process.stdin.on('error', exit);
process.stdin.resume();

// 2. dynalite rethrows a request's 'error' event (index.js: `req.on('error', function (err) { throw err })`),
// so a client that hangs up in the middle of a request body (a client timeout, the runner's fault switch
// cutting a connection) killed the whole emulator, and every later test with it. DynamoDB itself just
// drops such a request: so does this. Any other uncaught error still ends the process, as before.
process.on('uncaughtException', (err) => {
  if (err && (err.code === 'ECONNRESET' || err.message === 'aborted')) {
    process.stderr.write(`a request its client aborted was dropped (${err.message})\n`);
    return;
  }
  process.stderr.write(`${(err && err.stack) || err}\n`);
  process.exit(1);
});
