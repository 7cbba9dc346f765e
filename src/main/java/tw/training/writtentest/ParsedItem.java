package tw.training.writtentest;

/** An item read from an imported file, with the line it starts on (faults name it). */
record ParsedItem(int line, ItemViews.NewItem item) {
}
