package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Json;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.sample.SampleSource;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --json} on the listings scripts read, and {@code deploy --retry} by number or id. */
class CliJsonTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(out);
        }
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--workspace", tmp.resolve("ws").toString()));
        all.addAll(List.of(args));
        int code = Cli.run(core -> 0, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void listingsPrintJsonThatMatchesTheTables() throws Exception {
        JsonNode info = run("workspace", "info", "--json").json();
        assertThat(info.get("workspace").asText()).isEqualTo(tmp.resolve("ws").toString());
        assertThat(info.get("nodes").asInt()).isEqualTo(4);
        assertThat(info.get("deploys").asInt()).isEqualTo(2);
        assertThat(info.get("schema").asInt()).isPositive();

        JsonNode nodes = run("nodes", "list", "--json", "--group", "lab-a").json();
        assertThat(nodes.isArray()).isTrue();
        assertThat(nodes.size()).isPositive();
        for (JsonNode n : nodes) {
            assertThat(n.get("groups").toString()).contains("lab-a");
            assertThat(n.get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(run("nodes", "list").out()).contains(n.get("name").asText());
        }

        assertThat(run("registry", "add", "lab", "--url", "http://127.0.0.1:5999", "--insecure-http").code()).isZero();
        JsonNode registries = run("registry", "ls", "--json").json();
        assertThat(registries.size()).isEqualTo(1);
        assertThat(registries.get(0).get("name").asText()).isEqualTo("lab");
        assertThat(registries.get(0).get("plainHttp").asBoolean()).isTrue();
        assertThat(registries.get(0).get("hasCredentials").asBoolean()).isFalse();

        JsonNode events = run("audit", "log", "--json", "--limit", "2").json();
        assertThat(events.size()).isEqualTo(2);
        assertThat(events.get(0).get("action").asText()).isEqualTo("registry.added");
        assertThat(events.get(0).get("details").isObject()).as("details as JSON, not a string").isTrue();
        assertThat(events.get(0).get("seq").asLong()).isGreaterThan(events.get(1).get("seq").asLong());
    }

    @Test
    void retryTakesTheDeployNumberOrItsId() {
        String uid = UUID.randomUUID().toString();
        long number;
        try (SlipwayCore core = SlipwayCore.open(tmp.resolve("ws"), Optional.of(SampleSource.bundled()))) {
            // a deploy that was running when Slipway stopped: the next open marks it INTERRUPTED
            number = core.deploys().begin(uid, new DeployRequest("perception-core", "2.4.0",
                    List.of(core.inventory().require("build-node-01")), false, 1, null, null, false, null),
                    "127.0.0.1:5999", "127.0.0.1:5999/env:1", Instant.now());
        }
        for (String ref : List.of(String.valueOf(number), uid, uid.toUpperCase())) {
            Result r = run("deploy", "--retry", ref);
            assertThat(r.code()).as(ref).isEqualTo(ExitCodes.FAILED);
            // resolved to the interrupted deploy: it gets as far as asking for a registry
            assertThat(r.err()).as(ref).contains("deploy needs a registry").doesNotContain("not a long");
        }
        Result unknown = run("deploy", "--retry", UUID.randomUUID().toString());
        assertThat(unknown.err()).contains("No deploy with id");
        Result neither = run("deploy", "--retry", "last-week");
        assertThat(neither.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(neither.err()).contains("'last-week' names no deploy");
    }
}
