package tw.training.notification;

import jakarta.inject.Singleton;
import tw.training.page.LayoutFigures;

/** The unread count every page's header shows: one indexed count per page. */
@Singleton
class UnreadFigure implements LayoutFigures {

    private final NotificationRepository rows;

    UnreadFigure(NotificationRepository rows) {
        this.rows = rows;
    }

    @Override
    public long unread(long userId) {
        return rows.unread(userId);
    }
}
