// The event and its dispatch live in the platform (src/platform/publication-events.ts), where the
// composition root registers the listeners other modules declare; publishing only announces.
export {
  publicationChanged,
  type PublicationChange,
  type PublicationEvent,
} from '../../platform/publication-events.ts';
