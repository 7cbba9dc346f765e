package tw.training.page;

/**
 * What the layout shows a signed-in user beside the navigation that another feature knows (how many of their
 * notifications are unread): supplied by that feature, so the pages' foundation depends on none.
 */
public interface LayoutFigures {

    /** Unread notifications of the user. */
    long unread(long userId);
}
