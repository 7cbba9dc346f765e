package tw.training.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import java.util.Properties;

/**
 * The mail session of this server's own settings, with the relay's credentials when {@code app.mail.username} is set. Replaces the module's provider, which asks Jakarta Mail for the
 * JVM-wide default session: the first one made wins there, so a second server in the same JVM (tests, a restart in
 * place) would send through the first one's settings.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
@Requires(property = "app.mail.enabled", value = "true")
class MailSession implements SessionProvider {

    private final Session session;

    MailSession(MailPropertiesProvider properties, @Value("${app.mail.username:}") String username,
                @Value("${app.mail.password:}") String password) {
        Properties settings = properties.mailProperties();
        Authenticator authenticator = null;
        if (!username.isBlank()) {
            // a relay that wants credentials gets them; one that does not is never offered any
            settings.put("mail.smtp.auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(username, password);
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        this.session = Session.getInstance(settings, authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
