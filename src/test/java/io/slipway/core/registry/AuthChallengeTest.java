package io.slipway.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
    @Test
    void basicChallengeOfTheDistributionRegistry() {
        List<AuthChallenge> cs = AuthChallenge.parse("Basic realm=\"slipway-test-registry\"");
        assertThat(cs).hasSize(1);
        assertThat(cs.get(0).is("basic")).isTrue();
        assertThat(cs.get(0).param("realm")).hasValue("slipway-test-registry");
        assertThat(cs.get(0).token68()).isEmpty();
    }

    @Test
    void harborBearerChallengeWithCommasInsideTheQuotedScope() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://harbor.example.com/service/token\","
                + "service=\"harbor-registry\",scope=\"repository:library/app:pull,push\"").get(0);
        assertThat(c.scheme()).isEqualTo("Bearer");
        assertThat(c.param("realm")).hasValue("https://harbor.example.com/service/token");
        assertThat(c.param("service")).hasValue("harbor-registry");
        assertThat(c.scopes()).containsExactly("repository:library/app:pull,push");
    }

    @Test
    void insufficientScopeWithSeveralScopesAndErrorParameter() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://auth.example/token\",service=\"registry\","
                + "scope=\"repository:a/b:pull repository:c:pull,push\",error=\"insufficient_scope\"").get(0);
        assertThat(c.scopes()).containsExactly("repository:a/b:pull", "repository:c:pull,push");
        assertThat(c.param("error")).hasValue("insufficient_scope");
    }

    @Test
    void parameterNamesAreCaseInsensitiveAndValuesMayBeTokensOrEscapedStrings() {
        AuthChallenge c = AuthChallenge.parse("bearer Realm=https://r.example/t , SERVICE = reg ,"
                + " note=\"say \\\"hi\\\", then go\"").get(0);
        assertThat(c.is("Bearer")).isTrue();
        assertThat(c.param("realm")).hasValue("https://r.example/t");
        assertThat(c.param("service")).hasValue("reg");
        assertThat(c.param("note")).hasValue("say \"hi\", then go");
    }

    @Test
    void severalChallengesInOneHeaderAndAcrossHeaders() {
        List<AuthChallenge> cs = AuthChallenge.parse(List.of(
                "Negotiate YWJjZA==, Basic realm=\"r1\", Bearer realm=\"https://t/x\",service=\"s\"",
                "Digest realm=\"d\", qop=\"auth,auth-int\", nonce=\"n\""));
        assertThat(cs).extracting(AuthChallenge::scheme).containsExactly("Negotiate", "Basic", "Bearer", "Digest");
        assertThat(cs.get(0).token68()).hasValue("YWJjZA==");
        assertThat(cs.get(1).param("realm")).hasValue("r1");
        assertThat(cs.get(2).param("service")).hasValue("s");
        assertThat(cs.get(3).param("qop")).hasValue("auth,auth-int");
        assertThat(cs.get(3).param("nonce")).hasValue("n");
    }

    @Test
    void schemeWithoutParametersAndEmptyOrMalformedInputNeverThrow() {
        assertThat(AuthChallenge.parse("Basic")).singleElement()
                .satisfies(c -> assertThat(c.params()).isEmpty());
        assertThat(AuthChallenge.parse("")).isEmpty();
        assertThat(AuthChallenge.parse((String) null)).isEmpty();
        assertThat(AuthChallenge.parse(", ,")).isEmpty();
        // an unterminated quote ends at the end of the header
        assertThat(AuthChallenge.parse("Bearer realm=\"https://t/x").get(0).param("realm")).hasValue("https://t/x");
        // a parameter where a scheme should be is skipped, the next challenge still parsed
        assertThat(AuthChallenge.parse("realm=\"x\", Basic realm=\"y\"")).singleElement()
                .satisfies(c -> assertThat(c.param("realm")).hasValue("y"));
        assertThat(AuthChallenge.parse("Bearer realm=\"x\" @@@ Basic")).extracting(AuthChallenge::scheme)
                .contains("Bearer", "Basic");
    }
}
