package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway upgrade …} in-process on a workspace with the bundled sample (no engines: the *IT tests run them). */
class UpgradeCliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = tmp.resolve("ws").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Cli.run(core -> 0, new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void everySubcommandAnswersHelpAndTheHelpNamesTheExitCodes() {
        for (String[] cmd : new String[][] {{"upgrade"}, {"upgrade", "offer"}, {"upgrade", "offer", "add"},
            {"upgrade", "offer", "from-sbom"}, {"upgrade", "offers"}, {"upgrade", "plan"}, {"upgrade", "run"},
            {"upgrade", "resume"}, {"upgrade", "retry"}, {"upgrade", "abort"}, {"upgrade", "history"}}) {
            String[] withHelp = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            withHelp[cmd.length] = "--help";
            Result r = run(withHelp);
            assertThat(r.code()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).as(String.join(" ", cmd)).startsWith("Usage: slipway " + String.join(" ", cmd));
        }
        assertThat(run("upgrade", "run", "--help").out()).contains("5 when the run paused");
        assertThat(run("upgrade", "--help").out()).contains("5 paused on a failure threshold");
    }

    @Test
    void offersFromAFileAndFromPairsThenThePlanSaysWhatIsNotInstalled() throws Exception {
        Path file = Files.writeString(tmp.resolve("offer.yaml"), "name: hotfix\noffered:\n  perception-core: 2.4.1\n");

        Result fromFile = run("upgrade", "offer", "add", file.toString());
        Result typed = run("upgrade", "offer", "add", "--name", "maps", "--set", "map-service=1.2.0");

        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("added offer").contains("'hotfix' (file offer.yaml)");
        assertThat(typed.out()).contains("'maps' (typed)");
        assertThat(run("upgrade", "offers").out()).contains("hotfix").contains("maps")
                .contains("adas-stack 2.4 rollout");
        Result plan = run("upgrade", "plan", "maps");
        assertThat(plan.code()).isZero();
        assertThat(plan.out()).contains("2 target(s) on 2 node(s)").contains("not installed")
                .contains("1.0.4 → 1.2.0").contains("wave 1 (canary)");
        assertThat(run("upgrade", "plan", "maps", "--json").out()).contains("\"NOT_INSTALLED\"")
                .contains("\"TARGET\"");
    }

    @Test
    void badInputIsOneLineNamingWhatIsWrong() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"offered\": {\"a\": \"1\"}}");

        Result noName = run("upgrade", "offer", "add", bad.toString());
        Result noRun = run("upgrade", "abort", "42");
        Result noOffer = run("upgrade", "plan", "nope");
        Result badWaves = run("upgrade", "plan", "1", "--waves", "1,x");

        assertThat(noName.code()).isEqualTo(1);
        assertThat(noName.err()).contains("bad.json").contains("'name'").doesNotContain("Exception");
        assertThat(noRun.err()).contains("No upgrade run 42");
        assertThat(noOffer.err()).contains("No upgrade offer 'nope'");
        assertThat(badWaves.err()).contains("--waves '1,x'");
        assertThat(run("upgrade", "offers", "--json").out()).doesNotContain("bad");
    }

    @Test
    void aRunWithoutTargetsRecordsNothingAndSucceeds() {
        run("upgrade", "offer", "add", "--name", "old", "--set", "perception-core=1.0.0");

        Result r = run("upgrade", "run", "old", "--registry-url", "https://127.0.0.1:1", "--registry-user", "u");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("no targets");
        assertThat(run("upgrade", "history").out()).contains("No upgrade targets recorded.");
    }
}
