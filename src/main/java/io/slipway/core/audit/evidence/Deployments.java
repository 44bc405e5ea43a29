package io.slipway.core.audit.evidence;

import io.slipway.core.deploy.DeployRecord;
import io.slipway.core.deploy.DeployRepository;
import io.slipway.core.deploy.NodeDeployRecord;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.sbom.release.LoadedRelease;
import io.slipway.core.sbom.release.ReleaseComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a release's components run now: for each node, the release's software found in its inventory (software
 * name = component name) with the installed version, the release's version, and the successful deploys of that
 * software and version to that node (newest first): the records that put it there.
 */
final class Deployments {
    private final NodeRepository nodes;
    private final DeployRepository deploys;

    Deployments(NodeRepository nodes, DeployRepository deploys) {
        this.nodes = nodes;
        this.deploys = deploys;
    }

    Map<String, Object> forRelease(LoadedRelease release) {
        Map<String, String> releaseVersions = new LinkedHashMap<>();
        for (ReleaseComponent c : release.components()) {
            releaseVersions.put(c.name(), c.version());
        }
        List<DeployRecord> history = deploys.all();
        List<Map<String, Object>> perNode = new ArrayList<>();
        for (Node n : nodes.all()) {
            List<Map<String, Object>> software = new ArrayList<>();
            for (Map.Entry<String, String> inst : new TreeMap<>(n.installed()).entrySet()) {
                String releaseVersion = releaseVersions.get(inst.getKey());
                if (releaseVersion == null) {
                    continue;
                }
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("software", inst.getKey());
                s.put("installedVersion", inst.getValue());
                s.put("releaseVersion", releaseVersion);
                s.put("matchesRelease", releaseVersion.equals(inst.getValue()));
                s.put("deploys", deploysThatPut(history, n.name(), inst.getKey(), inst.getValue()));
                software.add(s);
            }
            if (!software.isEmpty()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("node", n.name());
                m.put("groups", n.groups());
                m.put("software", software);
                perNode.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("release", release.name() + " " + release.version());
        out.put("components", releaseVersions);
        out.put("nodes", perNode);
        return out;
    }

    private static List<Map<String, Object>> deploysThatPut(List<DeployRecord> history, String node, String software,
                                                            String version) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DeployRecord d : history) {
            if (!d.software().equals(software) || !d.version().equals(version)) {
                continue;
            }
            for (NodeDeployRecord nd : d.nodes()) {
                if (nd.node().equals(node) && succeeded(nd.state())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("deploy", d.id());
                    m.put("uid", d.uid());
                    m.put("state", d.state().name());
                    m.put("nodeState", nd.state());
                    m.put("startedAt", d.startedAt() == null ? null : d.startedAt().toString());
                    m.put("finishedAt", d.finishedAt() == null ? null : d.finishedAt().toString());
                    m.put("softwareDigest", nd.softwareDigest());
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static boolean succeeded(String state) {
        try {
            return NodeDeployState.valueOf(state).isSuccess();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
