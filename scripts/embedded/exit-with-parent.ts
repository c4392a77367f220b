/**
 * Preloaded (`node -r`) into the API and worker that `npm start` runs. They sit in their own process groups so that
 * Ctrl-C reaches only `npm start`, which stops them in order; if `npm start` dies without doing so (even by SIGKILL),
 * its IPC channel closes and this process stops itself as SIGTERM would, instead of living on as an orphan.
 */
if (process.send && process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
