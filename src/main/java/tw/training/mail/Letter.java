package tw.training.mail;

import io.micronaut.core.annotation.Nullable;
import tw.training.phrase.Phrase;

import java.util.Map;

/**
 * What a feature asks to be mailed: to whom, in which language ({@code zh-TW} or {@code en}), which templates
 * ({@code templates/mail/<template>.ftl} for the plain text every message has, {@code .ftlh} for its HTML), the subject
 * and what the templates read. {@code link} is the page the message concerns; {@code unsubscribeUrl} the one-click
 * address that stops messages of its kind (RFC 8058), for kinds one may stop; {@code oneTime} that it carries a link
 * that works once (its body is not kept after sending).
 */
public record Letter(String kind, @Nullable Long recipientId, String address, String language, String template, Phrase subject,
                     Map<String, Object> model, @Nullable String link, @Nullable String unsubscribeUrl, boolean oneTime) {
}
