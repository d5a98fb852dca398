/** Mentoring: open a share file and list the reviews in progress. (Being built.) */
export function MentoringView() {
  return (
    <main id="main-content" className="page" tabIndex={-1}>
      <h1>Mentoring</h1>
    </main>
  );
}
