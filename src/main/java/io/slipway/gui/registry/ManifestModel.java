package io.slipway.gui.registry;

import io.slipway.core.common.ByteSizes;
import io.slipway.core.registry.Descriptor;
import io.slipway.core.registry.ImageIndex;
import io.slipway.core.registry.ImageManifest;
import io.slipway.core.registry.ManifestDetails;
import io.slipway.core.registry.ManifestInfo;
import io.slipway.core.registry.Platform;
import io.slipway.gui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manifest pane: the selected tag's manifest (reference, kind, media type, digest), its platforms when it
 * is an index, and the image shown below them: the tag's own image, or the selected platform's.
 */
public final class ManifestModel {
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyStringWrapper reference = new ReadOnlyStringWrapper(this, "reference", "");
    private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper(this, "kind", "");
    private final ReadOnlyStringWrapper mediaType = new ReadOnlyStringWrapper(this, "mediaType", "");
    private final ReadOnlyStringWrapper digest = new ReadOnlyStringWrapper(this, "digest", "");
    private final ReadOnlyBooleanWrapper index = new ReadOnlyBooleanWrapper(this, "index");
    private final ObservableList<PlatformRow> platforms = FXCollections.observableArrayList();
    private final ObjectProperty<PlatformRow> selectedPlatform = new SimpleObjectProperty<>(this, "selectedPlatform");

    private final ReadOnlyBooleanWrapper imageShown = new ReadOnlyBooleanWrapper(this, "imageShown");
    private final ReadOnlyStringWrapper imageTitle = new ReadOnlyStringWrapper(this, "imageTitle", "");
    private final ReadOnlyStringWrapper imageDigest = new ReadOnlyStringWrapper(this, "imageDigest", "");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created", "");
    private final ReadOnlyStringWrapper platform = new ReadOnlyStringWrapper(this, "platform", "");
    private final ReadOnlyStringWrapper config = new ReadOnlyStringWrapper(this, "config", "");
    private final ObservableList<LabelRow> labels = FXCollections.observableArrayList();
    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private String pinned = "";

    /** Shows a tag's manifest; {@code host} is the registry's {@code host[:port]} for the references. */
    void show(String host, ManifestDetails details) {
        clear();
        shown.set(true);
        reference.set(host + "/" + details.repository() + (details.reference().contains(":") ? "@" : ":")
                + details.reference());
        pinned = host + "/" + details.repository() + "@" + details.digest();
        mediaType.set(details.mediaType());
        digest.set(details.digest());
        if (details instanceof ImageIndex list) {
            kind.set(kindOf(details.mediaType()) + " of " + Formats.plural(list.manifests().size(), "manifest",
                    "manifests"));
            index.set(true);
            platforms.setAll(list.manifests().stream().map(PlatformRow::of).toList());
        } else {
            kind.set(kindOf(details.mediaType()));
            showImage((ImageManifest) details, "Image");
        }
    }

    /** Shows an image below the manifest: the tag's own, or one platform of an index. */
    void showImage(ImageManifest image, String title) {
        imageShown.set(true);
        imageTitle.set(title);
        imageDigest.set(image.digest());
        long total = image.totalSize();
        size.set(ByteSizes.human(total) + " (" + String.format(Locale.ROOT, "%,d", total) + " bytes: config + "
                + Formats.plural(image.layers().size(), "layer", "layers") + ")");
        created.set(image.image().created().map(Formats::time).orElse(Formats.NONE));
        platform.set(image.image().platform().map(Platform::toString).orElse(Formats.NONE));
        config.set(image.config().digest() + (image.image().read() ? "" : " (" + image.config().mediaType()
                + ", not an image config: not read)"));
        labels.setAll(image.image().labels().entrySet().stream().map(e -> new LabelRow(e.getKey(), e.getValue()))
                .toList());
        List<LayerRow> rows = new ArrayList<>();
        List<Descriptor> all = image.layers();
        for (int i = 0; i < all.size(); i++) {
            rows.add(LayerRow.of(i + 1, all.get(i)));
        }
        layers.setAll(rows);
    }

    /** Empties the image part (a platform is being read, or its read failed). */
    void clearImage(String title) {
        imageShown.set(false);
        imageTitle.set(title);
        imageDigest.set("");
        size.set("");
        created.set("");
        platform.set("");
        config.set("");
        labels.clear();
        layers.clear();
    }

    void clear() {
        shown.set(false);
        reference.set("");
        kind.set("");
        mediaType.set("");
        digest.set("");
        index.set(false);
        selectedPlatform.set(null);
        platforms.clear();
        pinned = "";
        clearImage("");
    }

    /** A readable name for a manifest media type (the raw type is shown as well). */
    static String kindOf(String mediaType) {
        return switch (mediaType) {
            case ManifestInfo.OCI_MANIFEST -> "OCI image manifest";
            case ManifestInfo.DOCKER_MANIFEST -> "Docker image manifest (schema 2)";
            case ManifestInfo.OCI_INDEX -> "OCI image index";
            case ManifestInfo.DOCKER_LIST -> "Docker manifest list";
            default -> mediaType.isEmpty() ? "Manifest" : "Manifest " + mediaType;
        };
    }

    /** {@code host/repository@digest}: the reference that always means these bytes. */
    public String pinnedReference() {
        return pinned;
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty referenceProperty() {
        return reference.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mediaTypeProperty() {
        return mediaType.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty digestProperty() {
        return digest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ObservableList<PlatformRow> platforms() {
        return platforms;
    }

    /** The index entry whose image is shown; the view sets it when the user picks a platform. */
    public ObjectProperty<PlatformRow> selectedPlatformProperty() {
        return selectedPlatform;
    }

    public ReadOnlyBooleanProperty imageShownProperty() {
        return imageShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty imageTitleProperty() {
        return imageTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty imageDigestProperty() {
        return imageDigest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty platformProperty() {
        return platform.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty configProperty() {
        return config.getReadOnlyProperty();
    }

    public ObservableList<LabelRow> labels() {
        return labels;
    }

    public ObservableList<LayerRow> layers() {
        return layers;
    }
}
