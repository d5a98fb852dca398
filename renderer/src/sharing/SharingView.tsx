/** Sharing: save a share file for a mentor, import their feedback, and read it. (Being built.) */
export function SharingView() {
  return (
    <main id="main-content" className="page" tabIndex={-1}>
      <h1>Sharing</h1>
    </main>
  );
}
