import { useEffect } from 'react';
import { FeedbackFromMentors } from './FeedbackFromMentors.js';
import { ShareWithMentor } from './ShareWithMentor.js';
import '../styles/export.css';
import '../styles/sharing.css';

/**
 * Sharing: save a share file of chosen entries for a mentor, then import the feedback file they
 * send back and read their comments and sign-offs.
 */
export function SharingView() {
  useEffect(() => {
    document.title = 'Sharing — Reflective Portfolio';
  }, []);
  return (
    <main id="main-content" className="page sharing-page" tabIndex={-1} data-testid="sharing-view">
      <h1>Sharing</h1>
      <p className="lede">Share entries with a mentor, practice assessor or supervisor as a file, and bring their comments and sign-offs back into your portfolio.</p>
      <ShareWithMentor />
      <FeedbackFromMentors />
    </main>
  );
}
