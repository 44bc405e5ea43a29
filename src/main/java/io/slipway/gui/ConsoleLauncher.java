package io.slipway.gui;

import io.slipway.cli.GuiLauncher;
import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import io.slipway.gui.look.DesktopPreference;
import io.slipway.gui.shell.FirstFrame;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the JavaFX console on an open workspace and blocks until its window closes. Uses
 * {@link Platform#startup} rather than {@code Application.launch}, so the services arrive by constructor.
 */
public final class ConsoleLauncher implements GuiLauncher {
    /** With value 1: close the window as soon as its first frame is on screen (start-up measurements). */
    public static final String EXIT_AFTER_FIRST_FRAME = "SLIPWAY_EXIT_AFTER_FIRST_FRAME";

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleLauncher.class);
    /** Its own logger, printed bare on stderr (see logback.xml), so scripts can read the one line. */
    private static final Logger STARTUP = LoggerFactory.getLogger("io.slipway.startup");

    /** The toolkit's start, begun by {@link #prepare()} while the workspace opens. */
    private CompletableFuture<Void> toolkit;

    private Path openOnStart;

    @Override
    public void openOnStart(Path sbomFile) {
        openOnStart = sbomFile;
    }

    @Override
    public void prepare() {
        DesktopPreference.readAsync();
        toolkit = CompletableFuture.runAsync(ConsoleLauncher::startToolkit);
    }

    @Override
    public int run(SlipwayCore core) {
        if (toolkit == null) {
            startToolkit();
        } else {
            awaitToolkit();
        }
        RunningTasks running = new RunningTasks();
        PooledTaskExecutor executor = PooledTaskExecutor.forThisMachine(running);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        boolean exitAfterFirstFrame = "1".equals(System.getenv(EXIT_AFTER_FIRST_FRAME));
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                Console console = new Console(core, executor, running);
                console.show(stage);
                if (openOnStart != null) {
                    console.openSbom(openOnStart);
                }
                if (exitAfterFirstFrame) {
                    FirstFrame.then(() -> {
                        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                        STARTUP.info("first-frame-ms={}", ms);
                        stage.hide();
                    });
                }
            } catch (RuntimeException e) {
                LOG.error("The console window could not be opened", e);
                failed.set(true);
                closed.countDown();
            }
        });
        awaitClose(closed);
        executor.shutdown();
        Platform.exit();
        return failed.get() ? 1 : 0;
    }

    private static void startToolkit() {
        // JavaFX logs through java.util.logging; route it to slf4j so logback.xml governs it like everything else.
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        Platform.setImplicitExit(false); // the launcher, not the last window, decides when the toolkit ends
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            LOG.debug("JavaFX toolkit already running; reusing it");
        } catch (RuntimeException e) {
            throw new UserFacingException("Cannot open the console window (" + e.getMessage() + "). "
                    + "Is there a display? Subcommands work without one: slipway --help", e);
        }
    }

    private void awaitToolkit() {
        try {
            toolkit.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void awaitClose(CountDownLatch closed) {
        boolean interrupted = false;
        while (true) {
            try {
                closed.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
