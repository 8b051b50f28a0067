// Layout of the citizen reports pages (form, follow page, inbox), added to the document once. The pages are
// one column on phones; the inbox puts the list beside the map and details from 64rem wide.
const CSS = `
.reports-page { padding: 0.5rem 1rem 2rem; box-sizing: border-box; margin: 0 auto; }
.reports-header h1 { font-size: 1.3rem; margin: 0.25rem 0; }
.reports-page h2 { font-size: 1.1rem; margin: 0.75rem 0 0.25rem; }
.reports-wrap { flex-wrap: wrap; }
.reports-error { color: var(--lumo-error-text-color, #b00020); background: var(--lumo-error-color-10pct, #fdecea);
  padding: 0.5rem 0.75rem; border-radius: 6px; width: 100%; box-sizing: border-box; }
.report-nearby { border: 1px solid #f9a825; background: #fff8e1; border-radius: 6px; padding: 0.5rem 0.75rem;
  width: 100%; box-sizing: border-box; }
.report-nearby h2 { font-size: 1rem; margin: 0.25rem 0; }
.report-nearby-item { border-top: 1px solid #ffe082; padding: 0.4rem 0; }
.report-nearby-text { color: #444; font-size: 0.9rem; }
.report-status { display: inline-block; padding: 0.1rem 0.6rem; border-radius: 1rem; background: #e3f2fd; font-weight: 600; }
.report-status-received, .report-status-reopened { background: #ffebee; }
.report-status-assigned, .report-status-in_progress { background: #fff3e0; }
.report-status-resolved { background: #e8f5e9; }
.report-status-closed, .report-status-rejected { background: #eceff1; }
.report-badge { display: inline-block; margin-left: 0.5rem; padding: 0.1rem 0.5rem; border-radius: 1rem;
  background: #212121; color: #fff; font-size: 0.8rem; }
.report-details h2 { font-size: 1.15rem; margin: 0.25rem 0; }
.report-details h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
.report-fact-label { color: #555; }
.report-media-list { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.report-media-item { max-width: 160px; max-height: 160px; border-radius: 4px; }
.report-timeline { margin: 0; padding-left: 1.2rem; }
.report-time { color: #555; font-variant-numeric: tabular-nums; }
.report-note { color: #444; font-style: italic; }
.report-messages { display: flex; flex-direction: column; gap: 0.4rem; width: 100%; }
.report-message { max-width: 85%; padding: 0.4rem 0.6rem; border-radius: 8px; background: #f1f3f4; }
.report-message-handler { align-self: flex-start; background: #e3f2fd; }
.report-message-citizen { align-self: flex-end; background: #f1f8e9; }
.report-message-meta { font-size: 0.75rem; color: #555; }
.reports-inbox-columns { display: flex; flex-direction: column; gap: 1rem; }
.reports-inbox-list, .reports-inbox-detail { min-width: 0; }
@media (min-width: 64rem) {
  .reports-inbox-columns { flex-direction: row; }
  .reports-inbox-list { flex: 1 1 50%; }
  .reports-inbox-detail { flex: 1 1 50%; }
}
vaadin-grid::part(report-overdue-row) { color: #b71c1c; }
vaadin-grid::part(report-new-row) { font-weight: 700; background: #fffde7; }
`;

if (!document.getElementById('reports-styles')) {
  const style = document.createElement('style');
  style.id = 'reports-styles';
  style.textContent = CSS;
  document.head.appendChild(style);
}
