package io.slipway.gui.sbom;

import io.slipway.core.sbom.read.FindingSeverity;
import io.slipway.core.sbom.read.NtiaSummary;
import io.slipway.core.sbom.read.ReadFinding;
import io.slipway.core.sbom.read.ReadRules;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The findings panel of the SBOM browser: what reading the open document found (defects that still let it open,
 * and remarks), filtered by severity and rule; the badge "opened with N errors, M warnings"; the NTIA summary;
 * and, for the finding the user picks, the row of the element it concerns (a package, or the package holding a
 * file) so the view can select it.
 */
public final class ReadFindingsViewModel {
    public static final String ALL = "All";

    private final ObservableList<ReadFinding> all = FXCollections.observableArrayList();
    private final FilteredList<ReadFinding> shown = new FilteredList<>(all);
    private final StringProperty severityFilter = new SimpleStringProperty(this, "severityFilter", ALL);
    private final StringProperty ruleFilter = new SimpleStringProperty(this, "ruleFilter", ALL);
    private final ObservableList<String> severityOptions = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> ruleOptions = FXCollections.observableArrayList(ALL);
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper(this, "badge", "");
    private final ReadOnlyStringWrapper ntia = new ReadOnlyStringWrapper(this, "ntia", "");
    private final ReadOnlyBooleanWrapper hasDefects = new ReadOnlyBooleanWrapper(this, "hasDefects");
    private final ObjectProperty<ReadFinding> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper meaning = new ReadOnlyStringWrapper(this, "meaning", "");
    private SbomDocument document;

    public ReadFindingsViewModel() {
        for (FindingSeverity s : FindingSeverity.values()) {
            severityOptions.add(s.label());
        }
        severityFilter.addListener((obs, was, now) -> refilter());
        ruleFilter.addListener((obs, was, now) -> refilter());
        selected.addListener((obs, was, now) -> meaning.set(now == null ? "" : now.rule() + ": "
                + ReadRules.meaning(now.rule()) + (now.elementId() == null ? "" : " (element " + now.elementId() + ")")));
    }

    /** The findings of {@code doc} (null: no document open, e.g. the workspace or an index is on show). */
    void show(SbomDocument doc) {
        document = doc;
        List<ReadFinding> findings = doc == null ? List.of() : doc.findings();
        List<String> rules = new ArrayList<>();
        rules.add(ALL);
        rules.addAll(new TreeSet<>(findings.stream().map(ReadFinding::rule).toList()));
        ruleOptions.setAll(rules);
        if (!rules.contains(ruleFilter.get())) {
            ruleFilter.set(ALL);
        }
        all.setAll(findings);
        badge.set(doc == null ? "" : doc.findingsBadge());
        ntia.set(doc == null ? "" : NtiaSummary.of(doc).toString());
        hasDefects.set(doc != null && doc.worst() != null && doc.worst() != FindingSeverity.INFO);
        refilter();
    }

    private void refilter() {
        String severity = severityFilter.get();
        String rule = ruleFilter.get();
        shown.setPredicate(f -> (severity == null || ALL.equals(severity) || f.severity().label().equals(severity))
                && (rule == null || ALL.equals(rule) || f.rule().equals(rule)));
    }

    /**
     * The row to select for {@code finding}: the package it names, or the package that holds the file it names;
     * empty when it concerns the document or something that is not a row.
     */
    Optional<ComponentRow> rowFor(ReadFinding finding, List<ComponentRow> rows) {
        if (finding == null || finding.elementId() == null || document == null) {
            return Optional.empty();
        }
        String id = finding.elementId();
        String holder = id;
        if (document.packages().stream().noneMatch(p -> id.equals(p.spdxId()))) {
            holder = document.packages().stream().filter(p -> p.hasFiles().contains(id)).map(SbomPackage::spdxId)
                    .findFirst().orElse(null);
        }
        String packageId = holder;
        return packageId == null ? Optional.empty() : rows.stream()
                .filter(r -> r.source() instanceof SbomPackage p && p.spdxId().equals(packageId)).findFirst();
    }

    public ObservableList<ReadFinding> shown() {
        return shown;
    }

    public ObservableList<ReadFinding> all() {
        return all;
    }

    public StringProperty severityFilterProperty() {
        return severityFilter;
    }

    public StringProperty ruleFilterProperty() {
        return ruleFilter;
    }

    public ObservableList<String> severityOptions() {
        return severityOptions;
    }

    public ObservableList<String> ruleOptions() {
        return ruleOptions;
    }

    /** "opened with N errors, M warnings" for an opened document, else empty. */
    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ntiaProperty() {
        return ntia.getReadOnlyProperty();
    }

    /** True when the open document has error or warning findings (the badge then stands out). */
    public ReadOnlyBooleanProperty hasDefectsProperty() {
        return hasDefects.getReadOnlyProperty();
    }

    public ObjectProperty<ReadFinding> selectedProperty() {
        return selected;
    }

    /** The selected finding's rule and what it means for the user. */
    public ReadOnlyStringProperty meaningProperty() {
        return meaning.getReadOnlyProperty();
    }
}
