package io.slipway.gui.registry;

import io.slipway.core.common.Progress;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.ImageIndex;
import io.slipway.core.registry.ImageManifest;
import io.slipway.core.registry.ManifestDetails;
import io.slipway.core.registry.OciRegistryClient.LoginResult;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryConfig;
import io.slipway.core.registry.RegistryException;
import io.slipway.core.registry.TagOrder;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Registry view: pick a stored registry, unlock its credentials with the workspace passphrase, then browse
 * three linked lists: repositories (the catalog), the selected repository's tags, and the selected tag's manifest
 * (an image, or an index whose platforms each open their image). Every registry call runs as a background task;
 * a newer selection supersedes an older load. The passphrase is wiped once used and never stored.
 */
public final class RegistryViewModel extends RefreshableViewModel<List<RegistryConfig>> {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryViewModel.class);
    /** The catalog is read up to this many repositories (a registry may hold more; the status says so). */
    static final int MAX_REPOSITORIES = 10_000;
    private static final Runnable NOTHING = () -> { };

    private final Registries registries;
    private final Map<String, RegistryConfig> configs = new LinkedHashMap<>();
    private final ObservableList<String> registryNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedRegistry = new SimpleObjectProperty<>(this, "selectedRegistry");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyBooleanWrapper needsPassphrase = new ReadOnlyBooleanWrapper(this, "needsPassphrase");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final FilteredNames repositories = new FilteredNames("repository", "repositories");
    private final FilteredNames tags = new FilteredNames("tag", "tags");
    private final ObjectProperty<String> selectedRepository = new SimpleObjectProperty<>(this, "selectedRepository");
    private final ObjectProperty<String> selectedTag = new SimpleObjectProperty<>(this, "selectedTag");
    private final ManifestModel manifest = new ManifestModel();
    private final LatestLoad connecting;
    private final LatestLoad tagLoad;
    private final LatestLoad manifestLoad;
    private final LatestLoad imageLoad;
    private final BooleanBinding busy;
    private final BooleanBinding canConnect;
    private final RegistryAdmin admin;
    private BrowseSession session;
    /** The registry a change affected: the next load selects it. */
    private String selectAfterLoad;

    public RegistryViewModel(Registries registries, TaskExecutor executor) {
        super(executor, "Loading registries");
        this.registries = registries;
        connecting = new LatestLoad(executor);
        tagLoad = new LatestLoad(executor);
        manifestLoad = new LatestLoad(executor);
        imageLoad = new LatestLoad(executor);
        busy = connecting.loadingProperty().or(tagLoad.loadingProperty()).or(manifestLoad.loadingProperty())
                .or(imageLoad.loadingProperty());
        canConnect = selectedRegistry.isNotNull().and(connecting.loadingProperty().not());
        admin = new RegistryAdmin(registries, executor, this::changed);
        repositories.clear("No registry selected.");
        tags.clear("");
        selectedRegistry.addListener((obs, was, now) -> registryChanged(now));
        selectedRepository.addListener((obs, was, now) -> loadTags(now));
        selectedTag.addListener((obs, was, now) -> loadManifest(now));
        manifest.selectedPlatformProperty().addListener((obs, was, now) -> loadPlatformImage(now));
    }

    // ------------------------------------------------------------------------------------------- registries

    @Override
    protected List<RegistryConfig> load(Progress progress) {
        progress.progress(0, 0, "Reading registries from the workspace");
        return registries.list();
    }

    @Override
    protected void show(List<RegistryConfig> loaded) {
        configs.clear();
        loaded.forEach(c -> configs.put(c.name(), c));
        registryNames.setAll(configs.keySet());
        String chosen = selectAfterLoad != null ? selectAfterLoad : selectedRegistry.get();
        selectAfterLoad = null;
        if (chosen == null || !configs.containsKey(chosen)) {
            chosen = registryNames.isEmpty() ? null : registryNames.get(0);
        }
        selectedRegistry.set(chosen);
        describeRegistry(configs.get(selectedRegistry.get())); // also when unchanged: its settings may have changed
    }

    /** Ctrl+R: re-reads the stored registries and, when connected, the catalog. */
    @Override
    public void refreshByUser() {
        refresh();
        if (session != null) {
            reloadRepositories();
        }
    }

    /**
     * After an add, login or removal: re-reads the registries and selects {@code affected} (the first one when
     * null). A registry whose credentials changed is picked afresh, so a session opened with the old ones ends.
     */
    private void changed(String affected) {
        if (affected != null && affected.equals(selectedRegistry.get())) {
            selectedRegistry.set(null);
        }
        selectAfterLoad = affected;
        refresh();
    }

    /** The stored registry's configuration, as last loaded. */
    public Optional<RegistryConfig> config(String name) {
        return Optional.ofNullable(name == null ? null : configs.get(name));
    }

    private void registryChanged(String name) {
        disconnect();
        error.set("");
        RegistryConfig cfg = name == null ? null : configs.get(name);
        describeRegistry(cfg);
        repositories.clear(cfg == null ? "No registry selected." : "Connect to list the repositories of " + name + ".");
    }

    private void describeRegistry(RegistryConfig cfg) {
        warning.set(cfg == null ? "" : String.join("\n", cfg.warnings().stream()
                .map(w -> "Warning: " + w + ".").toList()));
        needsPassphrase.set(cfg != null && cfg.hasCredentials());
        if (session == null) {
            status.set(cfg == null ? (registryNames.isEmpty() ? "No registries in this workspace: use Add… to "
                    + "store one (name, URL, CA certificate, credentials)." : "")
                    : cfg.url() + " · " + cfg.user().map(u -> "user " + u + (cfg.hasCredentials()
                    ? ", password sealed: unlock with the workspace passphrase" : ", no password stored"))
                    .orElse("anonymous"));
        }
    }

    // ------------------------------------------------------------------------------------------- connect

    /**
     * Unlocks the selected registry's credentials with {@code passphrase} (ignored when it stores none), logs in
     * and lists its repositories, all in the background. {@code passphrase} is wiped in every case.
     */
    public void connect(char[] passphrase) {
        String name = selectedRegistry.get();
        RegistryConfig cfg = name == null ? null : configs.get(name);
        if (cfg == null) {
            Registries.wipe(passphrase);
            return;
        }
        if (cfg.hasCredentials() && (passphrase == null || passphrase.length == 0)) {
            error.set("Registry '" + name + "': its credentials are sealed; type the workspace passphrase to unlock "
                    + "them.");
            return;
        }
        disconnect();
        error.set("");
        status.set("Connecting to " + cfg.url() + "…");
        repositories.clear("Connecting…");
        connecting.start("Connecting to registry " + name,
                progress -> BrowseSession.open(registries, cfg, passphrase, MAX_REPOSITORIES), this::connected,
                e -> {
                    status.set("Not connected.");
                    repositories.clear("Not connected.");
                    fail(name, null, e);
                }, () -> Registries.wipe(passphrase));
    }

    private void connected(BrowseSession opened) {
        session = opened;
        connected.set(true);
        LOG.info("registry {}: browsing {} as {} ({})", opened.config().name(), opened.config().url(),
                opened.login().username() == null ? "anonymous" : opened.login().username(), opened.login().scheme());
        showRepositories(opened.repositories());
    }

    private void showRepositories(List<String> names) {
        RegistryConfig cfg = session.config();
        LoginResult login = session.login();
        status.set("Connected to " + cfg.url() + " as " + (login.username() == null ? "anonymous" : login.username())
                + " (" + login.scheme().name().toLowerCase(Locale.ROOT) + " auth) · "
                + Formats.plural(names.size(), "repository", "repositories")
                + (names.size() >= MAX_REPOSITORIES ? " (the first " + MAX_REPOSITORIES + ")" : ""));
        // a reload selects the same repository again, which reads its tags afresh
        String keep = selectedRepository.get();
        selectedRepository.set(null);
        repositories.setAll(names, "Registry '" + cfg.name() + "' lists no repositories this user may see.");
        selectedRepository.set(keep != null && names.contains(keep) ? keep : null);
    }

    /** Reads the catalog again with the unlocked session. */
    private void reloadRepositories() {
        BrowseSession s = session;
        if (s == null) {
            return;
        }
        error.set("");
        connecting.start("Listing repositories of " + s.config().name(),
                progress -> s.client().catalog(MAX_REPOSITORIES), names -> {
                    session = s.withRepositories(names);
                    showRepositories(names);
                }, e -> fail(s.config().name(), null, e), NOTHING);
    }

    /** Forgets the unlocked session (the vault's key) and everything read with it. */
    private void disconnect() {
        connecting.cancel();
        tagLoad.cancel();
        manifestLoad.cancel();
        imageLoad.cancel();
        if (session != null) {
            session.close();
            session = null;
        }
        connected.set(false);
        selectedRepository.set(null);
        repositories.clear("Not connected.");
        tags.clear("");
        manifest.clear();
    }

    // ------------------------------------------------------------------------------------------- browse

    private void loadTags(String repository) {
        tagLoad.cancel();
        selectedTag.set(null);
        BrowseSession s = session;
        if (repository == null || s == null) {
            tags.clear(s == null ? "" : "Select a repository to list its tags.");
            return;
        }
        error.set("");
        tags.clear("Loading the tags of " + repository + "…");
        tagLoad.start("Listing tags of " + repository, progress -> sorted(s.client().tags(repository)),
                list -> tags.setAll(list, repository + " has no tags."), e -> {
                    tags.clear("Tags not loaded.");
                    fail(s.config().name(), repository, e);
                }, NOTHING);
    }

    private static List<String> sorted(List<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(TagOrder.NATURAL);
        return out;
    }

    private void loadManifest(String tag) {
        manifestLoad.cancel();
        imageLoad.cancel();
        manifest.clear();
        BrowseSession s = session;
        String repository = selectedRepository.get();
        if (tag == null || s == null || repository == null) {
            return;
        }
        error.set("");
        manifestLoad.start("Reading manifest " + repository + ":" + tag,
                progress -> s.client().manifestDetails(repository, tag), details -> showManifest(s, details),
                e -> fail(s.config().name(), repository, e), NOTHING);
    }

    private void showManifest(BrowseSession s, ManifestDetails details) {
        manifest.show(s.config().host(), details);
        if (details instanceof ImageIndex index) {
            // show an image at once: the platform a user most likely runs, as docker and podman would pick it
            index.preferred().flatMap(p -> manifest.platforms().stream()
                            .filter(r -> r.digest().equals(p.descriptor().digest())).findFirst())
                    .ifPresent(manifest.selectedPlatformProperty()::set);
        }
    }

    private void loadPlatformImage(PlatformRow row) {
        imageLoad.cancel();
        BrowseSession s = session;
        String repository = selectedRepository.get();
        if (row == null || s == null || repository == null) {
            return;
        }
        manifest.clearImage("Reading the " + row.platform() + " image…");
        error.set("");
        imageLoad.start("Reading manifest " + repository + "@" + row.digest(),
                progress -> s.client().manifestDetails(repository, row.digest()), details -> {
                    if (details instanceof ImageManifest image) {
                        manifest.showImage(image, row.platform() + " image");
                    } else {
                        manifest.clearImage(row.platform() + ": a nested index (" + details.mediaType() + ")");
                    }
                }, e -> {
                    manifest.clearImage(row.platform() + " image not read");
                    fail(s.config().name(), repository, e);
                }, NOTHING);
    }

    /**
     * Shows a failure as one message naming the registry and, when known, the repository. Registry errors already
     * name the registry (and say what was being read); anything else gets the names put in front.
     */
    private void fail(String registry, String repository, Exception e) {
        String where = "Registry '" + registry + "'" + (repository == null ? "" : ", repository " + repository);
        if (e instanceof RegistryException re) {
            LOG.warn("{}: {} ({})", where, re.detail(), re.reason());
            error.set(ConsoleTerms.of(repository == null || re.getMessage().contains(repository) ? re.getMessage()
                    : where + ": " + re.detail()));
        } else if (e instanceof UserFacingException) {
            LOG.warn("{}: {}", where, e.getMessage());
            error.set(where + ": " + ConsoleTerms.of(e.getMessage()));
        } else {
            LOG.warn("{}: unexpected failure", where, e);
            error.set(where + ": " + e);
        }
    }

    /** {@code host/repository:tag} of a tag in the selected repository, for copying; empty without a session. */
    public String tagReference(String tag) {
        String repository = selectedRepository.get();
        return session == null || repository == null || tag == null ? ""
                : session.config().host() + "/" + repository + ":" + tag;
    }

    // ------------------------------------------------------------------------------------------- properties

    /** Add, log in, remove: the changes refresh this view and select the affected registry. */
    public RegistryAdmin admin() {
        return admin;
    }

    public ObservableList<String> registryNames() {
        return registryNames;
    }

    public ObjectProperty<String> selectedRegistryProperty() {
        return selectedRegistry;
    }

    /** Empty unless the selected registry uses plain HTTP or skips TLS verification. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty needsPassphraseProperty() {
        return needsPassphrase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Empty unless the last registry call failed. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    /** The catalog, with its quick filter. */
    public FilteredNames repositories() {
        return repositories;
    }

    public ObjectProperty<String> selectedRepositoryProperty() {
        return selectedRepository;
    }

    /** The selected repository's tags, with their quick filter. */
    public FilteredNames tags() {
        return tags;
    }

    public ObjectProperty<String> selectedTagProperty() {
        return selectedTag;
    }

    public ManifestModel manifest() {
        return manifest;
    }

    /** For the view's "Connect" button: something to connect to and nothing connecting. */
    public BooleanBinding canConnectProperty() {
        return canConnect;
    }
}
