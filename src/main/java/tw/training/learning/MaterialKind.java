package tw.training.learning;

/** What a material is: a lesson written in Markdown, a stored file (PDF, slides, audio, video), or a link elsewhere. */
public enum MaterialKind { LESSON, FILE, LINK }
