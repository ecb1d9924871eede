'use strict';
// Preloaded with `node -r` into every emulator the JVM starts. The JVM holds this
// process's stdin as a pipe and never writes to it; the pipe reaches end-of-file
// only when the JVM is gone, however it died (kill -9 included). The emulator
// must then exit too, or it would linger as an orphan holding its port.
const exit = () => process.exit(0);
process.stdin.on('end', exit);
process.stdin.on('close', exit);
process.stdin.on('error', exit);
process.stdin.resume();
