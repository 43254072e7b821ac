package dev.overcast.orchestration.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DependencyGraphTest {

    @Test
    void edgesComeFromDependsOnGetResourceAndGetAttr() {
        Template t = Hot.parse("""
                heat_template_version: 2016-10-14
                resources:
                  net: {type: OS::Neutron::Net}
                  subnet: {type: OS::Neutron::Subnet, properties: {network: {get_resource: net}}}
                  port: {type: OS::Neutron::Port, properties: {fixed_ips: [{subnet: {get_resource: subnet}}]}}
                  server:
                    type: OS::Nova::Server
                    properties:
                      networks: [{port: {get_resource: port}}]
                      user_data: {str_replace: {template: ip, params: {ip: {get_attr: [port, fixed_ips]}}}}
                  volume: {type: OS::Cinder::Volume}
                  attachment:
                    type: OS::Cinder::VolumeAttachment
                    depends_on: [server]
                    metadata: {vol: {get_resource: volume}}
                """);
        DependencyGraph g = t.dependencies();
        assertThat(g.requires("server")).containsExactly("port");
        assertThat(g.requires("attachment")).containsExactlyInAnyOrder("server", "volume");
        assertThat(g.requiredBy("net")).containsExactly("subnet");
        assertThat(g.createOrder()).containsExactly("net", "volume", "subnet", "port", "server", "attachment");
        assertThat(g.createLevels()).containsExactly(List.of("net", "volume"), List.of("subnet"), List.of("port"),
                List.of("server"), List.of("attachment"));
        assertThat(g.deleteOrder()).containsExactly("attachment", "server", "port", "subnet", "volume", "net");
    }

    @Test
    void aCycleIsRefusedAsHeatWordsIt() {
        assertThatThrownBy(() -> Hot.parse("""
                heat_template_version: 2016-10-14
                resources:
                  a: {type: OS::Heat::None, depends_on: c}
                  b: {type: OS::Heat::None, properties: {x: {get_resource: a}}}
                  c: {type: OS::Heat::None, properties: {x: {get_attr: [b, y]}}}
                  d: {type: OS::Heat::None}
                """)).isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.type()).isEqualTo(TemplateException.Type.CircularDependencyException))
                .hasMessage("Circular Dependency Found: {a: {c}, b: {a}, c: {b}}");
    }

    @Test
    void aResourceThatDependsOnItselfIsACycle() {
        assertThatThrownBy(() -> DependencyGraph.of(Map.of("a", Set.of("a"))))
                .hasMessage("Circular Dependency Found: {a: {a}}");
    }

    static LongStream seeds() {
        return LongStream.range(1, 31);
    }

    /** Random acyclic graphs: every order respects every edge; adding a back edge makes a cycle. */
    @ParameterizedTest
    @MethodSource("seeds")
    void ordersRespectEveryEdgeOfARandomAcyclicGraph(long seed) {
        Random random = new Random(seed);
        int size = 2 + random.nextInt(40);
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add("r" + i);
        }
        List<String> shuffled = new ArrayList<>(nodes);
        java.util.Collections.shuffle(shuffled, random);
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Set<String> needs = new HashSet<>();
            for (int j = 0; j < i; j++) {
                if (random.nextInt(4) == 0) {
                    needs.add(shuffled.get(j));
                }
            }
            requires.put(shuffled.get(i), needs);
        }
        DependencyGraph graph = DependencyGraph.of(requires);
        List<String> create = graph.createOrder();
        List<String> delete = graph.deleteOrder();
        assertThat(create).hasSize(size).containsExactlyInAnyOrderElementsOf(nodes);
        requires.forEach((node, needs) -> needs.forEach(n -> {
            assertThat(create.indexOf(n)).isLessThan(create.indexOf(node));
            assertThat(delete.indexOf(node)).isLessThan(delete.indexOf(n));
        }));
        requires.forEach((node, needs) -> needs.forEach(n -> {
            Map<String, Set<String>> cyclic = new LinkedHashMap<>(requires);
            Set<String> back = new HashSet<>(cyclic.get(n));
            back.add(node);
            cyclic.put(n, back);
            assertThatThrownBy(() -> DependencyGraph.of(cyclic)).hasMessageStartingWith("Circular Dependency Found: ");
        }));
    }
}
