// Work the first screen does not need: the page paints its top in one short task, and each deferred
// part renders in a task of its own once that paint is done (a frame, then a fresh task), so no single
// task holds the whole page and the phone's main thread stays responsive while it loads.

/** Runs `work` in a new task after the next paint. Returns a cancel function. */
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
