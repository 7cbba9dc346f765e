package tw.training.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import tw.training.account.AccountService;
import tw.training.account.CreateUserRequest;

import java.util.List;
import java.util.Map;

/**
 * Users for tests, created through the account service and signed in through {@code POST /login}, so every
 * test request carries a real token. Everyone's password is {@link #PASSWORD}.
 */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private final AccountService accounts;
    private final HttpClient http;

    public TestUsers(AccountService accounts, HttpClient http) {
        this.accounts = accounts;
        this.http = http;
    }

    public static TestUsers of(io.micronaut.context.ApplicationContext context, HttpClient http) {
        return new TestUsers(context.getBean(AccountService.class), http);
    }

    /** Creates the user (once) with these roles and answers a fresh access token for them. */
    public String tokenFor(String username, String... roles) {
        create(username, roles);
        return login(username, PASSWORD);
    }

    public void create(String username, String... roles) {
        if (accounts.search(username, null, null, 200, 0).stream().noneMatch(user -> user.username().equals(username))) {
            accounts.create(new CreateUserRequest(username, "測試 " + username, username + "@example.org", PASSWORD, List.of(roles)), null);
        }
    }

    public String login(String username, String password) {
        Map<String, Object> answer = http.toBlocking().retrieve(
                HttpRequest.POST("/login", Map.of("username", username, "password", password)),
                Argument.mapOf(String.class, Object.class));
        return (String) answer.get("access_token");
    }
}
