package io.slipway.core.sbom.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.ComponentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The release policy (docs/release-policy.md): licence groups (SPDX ids and LicenseRef patterns) and the
 * severity of each release-gate rule. Read from YAML or JSON; the built-in default ships in the jar.
 */
public final class ReleasePolicy {
    public static final String COPYLEFT_DERIVATIVE_SOURCE = "copyleft-derivative-source";
    public static final String MISSING_LICENCE = "missing-licence";
    public static final String UNRESOLVED_NATIVE = "unresolved-native";
    public static final String MISSING_TAGS = "missing-tags";
    public static final String OWNED_SOURCE = "owned-source";
    public static final String UNCLASSIFIED_LICENCE = "unclassified-licence";
    static final String DEFAULT_RESOURCE = "/io/slipway/core/sbom/release/default-release-policy.yaml";

    private static final Map<String, Rule> DEFAULT_RULES = defaults();

    /** One rule's configuration. */
    public record Rule(Severity severity, List<String> nativeGroups, List<ComponentType> types) {
    }

    record RawGroup(List<String> ids, List<String> patterns) {
    }

    record RawRule(String severity, List<String> nativeGroups, List<String> types) {
    }

    record RawPolicy(Integer policyVersion, @JsonProperty("licenceGroups") LinkedHashMap<String, RawGroup> licenceGroups,
                     LinkedHashMap<String, RawRule> rules) {
    }

    private final String source;
    private final Map<String, String> groupById;
    private final List<Map.Entry<String, Pattern>> patterns;
    private final List<String> groups;
    private final Map<String, Rule> rules;

    private ReleasePolicy(String source, Map<String, String> groupById, List<Map.Entry<String, Pattern>> patterns,
                          List<String> groups, Map<String, Rule> rules) {
        this.source = source;
        this.groupById = groupById;
        this.patterns = patterns;
        this.groups = groups;
        this.rules = rules;
    }

    /** The policy shipped in the jar. */
    public static ReleasePolicy defaultPolicy() {
        try (InputStream in = ReleasePolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in release policy " + DEFAULT_RESOURCE + " is missing");
            }
            return parse("the built-in release policy", in, false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in release policy", e);
        }
    }

    /** Reads a policy file: {@code .json} as JSON, anything else as YAML. */
    public static ReleasePolicy load(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(f)) {
            throw new UserFacingException(f + ": no such policy file");
        }
        try (InputStream in = Files.newInputStream(f)) {
            return parse(f.toString(), in, f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"));
        } catch (IOException e) {
            throw new UserFacingException(f + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static ReleasePolicy parse(String source, InputStream in, boolean json) throws IOException {
        ObjectMapper mapper = (json ? JsonMapper.builder() : YAMLMapper.builder())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        byte[] bytes = in.readAllBytes();
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new UserFacingException(source + ": empty policy file");
        }
        RawPolicy raw;
        try {
            raw = mapper.readValue(bytes, RawPolicy.class);
        } catch (UnrecognizedPropertyException e) {
            throw new UserFacingException(source + ": " + line(e) + "unknown field '" + e.getPropertyName() + "'", e);
        } catch (MismatchedInputException e) {
            throw new UserFacingException(source + ": " + line(e) + "field " + fieldPath(e) + " has the wrong type or "
                    + "value (expected " + expected(e.getTargetType()) + ")", e);
        } catch (JsonProcessingException e) {
            throw new UserFacingException(source + ": " + line(e) + "not valid " + (json ? "JSON" : "YAML") + " ("
                    + e.getOriginalMessage().split("\n")[0] + ")", e);
        }
        if (raw == null) {
            throw new UserFacingException(source + ": empty policy file");
        }
        if (raw.policyVersion() != null && raw.policyVersion() != 1) {
            throw new UserFacingException(source + ": policyVersion " + raw.policyVersion() + " is not known (1 is)");
        }
        if (raw.licenceGroups() == null || raw.licenceGroups().isEmpty()) {
            throw new UserFacingException(source + ": licenceGroups is missing or empty");
        }
        Map<String, String> byId = new HashMap<>();
        List<Map.Entry<String, Pattern>> patterns = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, RawGroup> g : raw.licenceGroups().entrySet()) {
            String group = g.getKey();
            groups.add(group);
            RawGroup rg = g.getValue() == null ? new RawGroup(List.of(), List.of()) : g.getValue();
            for (String id : rg.ids() == null ? List.<String>of() : rg.ids()) {
                String key = id.strip().toLowerCase(Locale.ROOT);
                String other = byId.put(key, group);
                if (other != null && !other.equals(group)) {
                    throw new UserFacingException(source + ": licence id " + id + " is in two groups, " + other
                            + " and " + group);
                }
            }
            for (String p : rg.patterns() == null ? List.<String>of() : rg.patterns()) {
                patterns.add(Map.entry(group, glob(p)));
            }
        }
        Map<String, Rule> rules = new LinkedHashMap<>(DEFAULT_RULES);
        Rule copyleft = rules.get(COPYLEFT_DERIVATIVE_SOURCE);
        rules.put(COPYLEFT_DERIVATIVE_SOURCE, new Rule(copyleft.severity(),
                copyleft.nativeGroups().stream().filter(groups::contains).toList(), copyleft.types()));
        if (raw.rules() != null) {
            for (Map.Entry<String, RawRule> r : raw.rules().entrySet()) {
                Rule def = DEFAULT_RULES.get(r.getKey());
                if (def == null) {
                    throw new UserFacingException(source + ": unknown rule '" + r.getKey() + "' (known: "
                            + String.join(", ", DEFAULT_RULES.keySet()) + ")");
                }
                rules.put(r.getKey(), rule(source, r.getKey(), r.getValue(), def, groups));
            }
        }
        for (String g : rules.get(COPYLEFT_DERIVATIVE_SOURCE).nativeGroups()) {
            if (!groups.contains(g)) {
                throw new UserFacingException(source + ": rule " + COPYLEFT_DERIVATIVE_SOURCE + " names licence group '"
                        + g + "', which licenceGroups does not define");
            }
        }
        return new ReleasePolicy(source, Map.copyOf(byId), List.copyOf(patterns), List.copyOf(groups), Map.copyOf(rules));
    }

    private static Rule rule(String source, String name, RawRule raw, Rule def, List<String> groups) {
        if (raw == null) {
            return def;
        }
        Severity severity = def.severity();
        if (raw.severity() != null) {
            try {
                severity = Severity.valueOf(raw.severity().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(source + ": rule " + name + ": severity '" + raw.severity()
                        + "' is not FAIL, WARN or OFF", e);
            }
        }
        List<ComponentType> types = def.types();
        if (raw.types() != null) {
            try {
                types = raw.types().stream().map(ComponentType::fromLabel).toList();
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(source + ": rule " + name + ": " + e.getMessage(), e);
            }
        }
        return new Rule(severity, raw.nativeGroups() != null ? List.copyOf(raw.nativeGroups())
                : def.nativeGroups().stream().filter(groups::contains).toList(), types);
    }

    private static Map<String, Rule> defaults() {
        Map<String, Rule> m = new LinkedHashMap<>();
        m.put(COPYLEFT_DERIVATIVE_SOURCE, new Rule(Severity.FAIL, List.of("copyleft", "weak-copyleft"), List.of()));
        m.put(MISSING_LICENCE, new Rule(Severity.FAIL, List.of(),
                List.of(ComponentType.THIRD_PARTY, ComponentType.DERIVATIVE)));
        m.put(UNRESOLVED_NATIVE, new Rule(Severity.FAIL, List.of(), List.of()));
        m.put(MISSING_TAGS, new Rule(Severity.FAIL, List.of(), List.of()));
        m.put(OWNED_SOURCE, new Rule(Severity.WARN, List.of(), List.of()));
        m.put(UNCLASSIFIED_LICENCE, new Rule(Severity.WARN, List.of(), List.of()));
        return m;
    }

    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.strip().toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(the whole document)" : "'" + sb + "'";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another shape";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of names to values";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type == Integer.class ? "a number" : "text";
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
    }

    public String source() {
        return source;
    }

    public List<String> groups() {
        return groups;
    }

    public Rule rule(String name) {
        return rules.get(name);
    }

    /** The group of one licence id: exact ids first, then patterns in group order. */
    public Optional<String> groupOf(String licenceId) {
        String exact = groupById.get(licenceId.strip().toLowerCase(Locale.ROOT));
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, Pattern> p : patterns) {
            if (p.getValue().matcher(licenceId.strip()).matches()) {
                return Optional.of(p.getKey());
            }
        }
        return Optional.empty();
    }

    /** The groups the ids of an expression fall in (every id counts, whatever the operator). */
    public Set<String> groupsOf(String expression) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : LicenceExpressions.ids(expression)) {
            groupOf(id).ifPresent(out::add);
        }
        return out;
    }
}
