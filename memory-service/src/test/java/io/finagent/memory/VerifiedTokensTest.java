package io.finagent.memory;

import io.finagent.platform.security.VerifiedTokens;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The platform's bearer-token parser remembers verified tokens, and nothing else, until they expire. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenIsVerifiedOnceThenRemembered() throws ParseException {
        String token = Tokens.agent("tokens-user-1");
        assertInstanceOf(VerifiedTokens.class, parser);
        JsonWebToken first = parser.parse(token);
        assertEquals("tokens-user-1", first.getSubject());
        assertSame(first, parser.parse(token));
    }

    @Test
    void aTamperedTokenIsRejectedAfterTheGenuineOneWasRemembered() throws ParseException {
        String token = Tokens.agent("tokens-user-2");
        parser.parse(token);
        given().header("Authorization", Tokens.bearer(token)).get("/api/v1/decisions").then().statusCode(200);

        String tampered = tamperSignature(token);
        assertThrows(ParseException.class, () -> parser.parse(tampered));
        given().header("Authorization", Tokens.bearer(tampered)).get("/api/v1/decisions").then().statusCode(401);
    }

    @Test
    void aTokenPastItsExpiryIsCheckedAgain() throws Exception {
        String token = Tokens.agent("tokens-user-3", Duration.ofSeconds(2));
        JsonWebToken first = parser.parse(token);
        Thread.sleep(Math.max(0, first.getExpirationTime() * 1000 - System.currentTimeMillis()) + 200);
        // still inside the verifier's clock skew, so accepted, but by a fresh check, not from memory
        assertNotSame(first, parser.parse(token));
    }

    private static String tamperSignature(String token) {
        int at = token.lastIndexOf('.') + 10;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }
}
