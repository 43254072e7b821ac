package dev.overcast.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class MetadefApiTest {
    private static final String NAMESPACES = "/v2/metadefs/namespaces";
    static ImageServer server;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        server = new ImageServer();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A public, unprotected namespace, as Tempest's {@code create_namespace} makes them. */
    private static String namespace() {
        String name = unique("ns");
        var reply = admin.post(NAMESPACES, Map.of("namespace", name, "visibility", "public",
                "description", "Tempest", "protected", false, "display_name", name));
        assertThat(reply.status()).isEqualTo(201);
        return name;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get(field).asString()));
        return names;
    }

    @Test
    void aProtectedNamespaceCannotBeDeletedUntilItIsUnprotected() {
        String name = unique("ns");
        var created = admin.post(NAMESPACES, Map.of("namespace", name, "visibility", "public",
                "description", "Tempest", "display_name", name, "protected", true,
                "resource_type_associations", List.of(Map.of("name", "OS::Glance::Image"))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("owner").asString()).isEqualTo("admin");
        assertThat(created.json().get("self").asString()).isEqualTo(NAMESPACES + "/" + name);
        assertThat(created.json().get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(names(admin.get(NAMESPACES + "?limit=1000").json().get("namespaces"), "namespace")).contains(name);

        var shown = admin.get(NAMESPACES + "/" + name).json();
        assertThat(shown.get("visibility").asString()).isEqualTo("public");
        assertThat(names(shown.get("resource_type_associations"), "name")).containsExactly("OS::Glance::Image");

        var refused = admin.delete(NAMESPACES + "/" + name);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asString()).contains("protected");

        var updated = admin.put(NAMESPACES + "/" + name, Map.of("namespace", name, "description", "Tempest",
                "visibility", "private", "display_name", name, "protected", false));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("visibility").asString()).isEqualTo("private");
        assertThat(updated.json().get("protected").asBoolean()).isFalse();

        assertThat(admin.delete(NAMESPACES + "/" + name).status()).isEqualTo(204);
        assertThat(admin.get(NAMESPACES + "/" + name).status()).isEqualTo(404);
    }

    @Test
    void whatAProtectedNamespaceHoldsCannotBeDeletedEither() {
        String name = unique("ns");
        admin.post(NAMESPACES, Map.of("namespace", name, "protected", true,
                "objects", List.of(Map.of("name", "o")), "tags", List.of(Map.of("name", "t")),
                "properties", Map.of("p", Map.of("title", "P", "type", "string"))));
        assertThat(admin.delete(NAMESPACES + "/" + name + "/objects/o").status()).isEqualTo(403);
        assertThat(admin.delete(NAMESPACES + "/" + name + "/properties/p").status()).isEqualTo(403);
        assertThat(admin.delete(NAMESPACES + "/" + name + "/tags/t").status()).isEqualTo(403);
        assertThat(admin.delete(NAMESPACES + "/" + name + "/tags").status()).isEqualTo(403);
        assertThat(admin.get(NAMESPACES + "/" + name + "/tags").json().get("tags")).hasSize(1);
    }

    @Test
    void aPrivateNamespaceIsInvisibleToAnotherProject() {
        String owner = unique("p");
        String name = unique("ns");
        assertThat(admin.post(NAMESPACES, Map.of("namespace", name, "visibility", "private", "owner", owner))
                .status()).isEqualTo(201);
        ApiClient ownerMember = server.member("u-" + owner, owner);
        ApiClient stranger = server.member("stranger", unique("p"));

        assertThat(ownerMember.get(NAMESPACES + "/" + name).status()).isEqualTo(200);
        assertThat(names(ownerMember.get(NAMESPACES + "?limit=1000").json().get("namespaces"), "namespace"))
                .contains(name);
        var hidden = stranger.get(NAMESPACES + "/" + name);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("message").asString()).contains(name);
        assertThat(names(stranger.get(NAMESPACES + "?limit=1000").json().get("namespaces"), "namespace"))
                .doesNotContain(name);
        assertThat(stranger.get(NAMESPACES + "/" + name + "/objects").status()).isEqualTo(404);

        admin.put(NAMESPACES + "/" + name, Map.of("namespace", name, "description", "edited by an admin"));
        assertThat(ownerMember.get(NAMESPACES + "/" + name).json().get("owner").asString()).isEqualTo(owner);
    }

    @Test
    void aMemberReadsTheCatalogButOnlyAnAdminWritesIt() {
        String name = namespace();
        ApiClient member = server.member("u", unique("p"));
        assertThat(member.get(NAMESPACES + "/" + name).status()).isEqualTo(200);
        assertThat(member.get("/v2/metadefs/resource_types").status()).isEqualTo(200);
        assertThat(member.post(NAMESPACES, Map.of("namespace", unique("ns"))).status()).isEqualTo(403);
        assertThat(member.post(NAMESPACES + "/" + name + "/objects", Map.of("name", "o")).status()).isEqualTo(403);
        assertThat(member.delete(NAMESPACES + "/" + name).status()).isEqualTo(403);
    }

    @Test
    void aDuplicateNameIsAConflictForEveryKind() {
        String name = namespace();
        String ns = NAMESPACES + "/" + name;
        assertThat(admin.post(NAMESPACES, Map.of("namespace", name)).status()).isEqualTo(409);
        admin.post(ns + "/objects", Map.of("name", "o"));
        assertThat(admin.post(ns + "/objects", Map.of("name", "o")).status()).isEqualTo(409);
        admin.post(ns + "/properties", Map.of("name", "p", "title", "P", "type", "string"));
        assertThat(admin.post(ns + "/properties", Map.of("name", "p", "title", "P", "type", "string")).status())
                .isEqualTo(409);
        admin.post(ns + "/tags/t", null);
        assertThat(admin.post(ns + "/tags/t", null).status()).isEqualTo(409);
        admin.post(ns + "/resource_types", Map.of("name", "OS::Nova::Flavor"));
        assertThat(admin.post(ns + "/resource_types", Map.of("name", "OS::Nova::Flavor")).status()).isEqualTo(409);

        String other = namespace();
        assertThat(admin.put(NAMESPACES + "/" + other, Map.of("namespace", name)).status()).isEqualTo(409);
    }

    @Test
    void anObjectIsCreatedShownRenamedAndDeleted() {
        String ns = NAMESPACES + "/" + namespace();
        var created = admin.post(ns + "/objects", Map.of("name", "cpu", "description", "CPU topology",
                "required", List.of("sockets"),
                "properties", Map.of("sockets", Map.of("title", "Sockets", "type", "integer", "minimum", 1))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("self").asString()).isEqualTo(ns + "/objects/cpu");
        assertThat(created.json().get("schema").asString()).isEqualTo("/v2/schemas/metadefs/object");
        assertThat(created.json().at("/properties/sockets/minimum").asInt()).isEqualTo(1);

        assertThat(admin.get(ns + "/objects/cpu").json().get("description").asString()).isEqualTo("CPU topology");
        var renamed = admin.put(ns + "/objects/cpu", Map.of("name", "topology"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("topology");
        assertThat(admin.get(ns + "/objects/cpu").status()).isEqualTo(404);
        assertThat(names(admin.get(ns + "/objects").json().get("objects"), "name")).containsExactly("topology");

        assertThat(admin.delete(ns + "/objects/topology").status()).isEqualTo(204);
        assertThat(admin.get(ns + "/objects").json().get("objects")).isEmpty();
        assertThat(admin.delete(ns + "/objects/topology").status()).isEqualTo(404);
    }

    @Test
    void aPropertyIsCreatedShownUpdatedAndDeleted() {
        String ns = NAMESPACES + "/" + namespace();
        List<String> hypervisors = List.of("xen", "qemu", "kvm", "lxc", "uml", "vmware", "hyperv");
        var created = admin.post(ns + "/properties", Map.of("name", "hypervisor_type", "title", "Hypervisor",
                "type", "string", "enum", hypervisors));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("title").asString()).isEqualTo("Hypervisor");

        var shown = admin.get(ns + "/properties/hypervisor_type").json();
        assertThat(shown.get("name").asString()).isEqualTo("hypervisor_type");
        assertThat(shown.get("enum")).hasSize(7);

        var updated = admin.put(ns + "/properties/hypervisor_type", Map.of("name", "hypervisor_type",
                "title", "Hypervisor type", "type", "string", "enum", hypervisors));
        assertThat(updated.json().get("title").asString()).isEqualTo("Hypervisor type");
        assertThat(admin.get(ns + "/properties").json().at("/properties/hypervisor_type/title").asString())
                .isEqualTo("Hypervisor type");

        assertThat(admin.delete(ns + "/properties/hypervisor_type").status()).isEqualTo(204);
        assertThat(admin.get(ns + "/properties").json().get("properties").isEmpty()).isTrue();
    }

    @Test
    void aPropertyWithoutATypeIsABadRequest() {
        String ns = NAMESPACES + "/" + namespace();
        var reply = admin.post(ns + "/properties", Map.of("name", "p", "title", "P"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(admin.post(ns + "/properties", Map.of("name", "p", "title", "P", "type", "colour")).status())
                .isEqualTo(400);
    }

    @Test
    void aResourceTypePrefixIsAppliedWhenAskedForThatResourceType() {
        String ns = NAMESPACES + "/" + namespace();
        admin.post(ns + "/resource_types", Map.of("name", "OS::Nova::Flavor", "prefix", "hw:"));
        admin.post(ns + "/properties", Map.of("name", "cpu_policy", "title", "CPU policy", "type", "string"));

        assertThat(admin.get(ns + "?resource_type=OS::Nova::Flavor").json().get("properties").has("hw:cpu_policy"))
                .isTrue();
        var shown = admin.get(ns + "/properties/hw:cpu_policy?resource_type=OS::Nova::Flavor");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("name").asString()).isEqualTo("hw:cpu_policy");
    }

    @Test
    void tagsAreCreatedAsASetListedAndDeletedTogether() {
        String ns = NAMESPACES + "/" + namespace();
        List<Map<String, String>> tags = List.of(Map.of("name", "sample-tag1"), Map.of("name", "sample-tag2"),
                Map.of("name", "sample-tag3"));
        assertThat(admin.post(ns + "/tags", Map.of("tags", tags)).status()).isEqualTo(201);
        assertThat(names(admin.get(ns + "/tags").json().get("tags"), "name"))
                .containsExactlyInAnyOrder("sample-tag1", "sample-tag2", "sample-tag3");

        assertThat(admin.delete(ns + "/tags").status()).isEqualTo(204);
        assertThat(admin.get(ns + "/tags").json().get("tags")).isEmpty();
    }

    @Test
    void aSetOfTagsReplacesTheOldOnesUnlessAppending() {
        String ns = NAMESPACES + "/" + namespace();
        admin.post(ns + "/tags", Map.of("tags", List.of(Map.of("name", "a"))));
        admin.post(ns + "/tags", Map.of("tags", List.of(Map.of("name", "b"))));
        assertThat(names(admin.get(ns + "/tags").json().get("tags"), "name")).containsExactly("b");

        var appended = admin.withHeader("X-Openstack-Append", "true")
                .post(ns + "/tags", Map.of("tags", List.of(Map.of("name", "c"))));
        assertThat(appended.status()).isEqualTo(201);
        assertThat(names(admin.get(ns + "/tags").json().get("tags"), "name")).containsExactlyInAnyOrder("b", "c");

        var twice = admin.post(ns + "/tags", Map.of("tags", List.of(Map.of("name", "d"), Map.of("name", "d"))));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(names(admin.get(ns + "/tags").json().get("tags"), "name")).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void aSingleTagIsCreatedShownRenamedAndDeleted() {
        String ns = NAMESPACES + "/" + namespace();
        var created = admin.post(ns + "/tags/tag_name", null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo("tag_name");
        assertThat(admin.get(ns + "/tags/tag_name").json().get("name").asString()).isEqualTo("tag_name");

        var renamed = admin.put(ns + "/tags/tag_name", Map.of("name", "update-tag"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("update-tag");

        assertThat(admin.delete(ns + "/tags/update-tag").status()).isEqualTo(204);
        assertThat(admin.get(ns + "/tags/update-tag").status()).isEqualTo(404);
    }

    @Test
    void glancesResourceTypesAreThereFromTheStartAndAssociationsComeAndGo() {
        List<String> types = names(admin.get("/v2/metadefs/resource_types").json().get("resource_types"), "name");
        assertThat(types).contains("OS::Glance::Image", "OS::Cinder::Volume", "OS::Nova::Flavor",
                "OS::Nova::Aggregate", "OS::Nova::Server");

        String ns = NAMESPACES + "/" + namespace();
        var associated = admin.post(ns + "/resource_types", Map.of("name", "OS::Cinder::Volume",
                "prefix", "hw_", "properties_target", "image"));
        assertThat(associated.status()).isEqualTo(201);
        assertThat(associated.json().get("name").asString()).isEqualTo("OS::Cinder::Volume");
        assertThat(associated.json().get("properties_target").asString()).isEqualTo("image");
        assertThat(names(admin.get(ns + "/resource_types").json().get("resource_type_associations"), "name"))
                .containsExactly("OS::Cinder::Volume");

        assertThat(admin.delete(ns + "/resource_types/OS::Cinder::Volume").status()).isEqualTo(204);
        assertThat(admin.get(ns + "/resource_types").json().get("resource_type_associations")).isEmpty();
        assertThat(admin.delete(ns + "/resource_types/OS::Cinder::Volume").status()).isEqualTo(404);
    }

    @Test
    void associatingAnUnknownResourceTypeRegistersIt() {
        String type = unique("Test::Thing");
        admin.post(NAMESPACES + "/" + namespace() + "/resource_types", Map.of("name", type));
        assertThat(names(admin.get("/v2/metadefs/resource_types").json().get("resource_types"), "name"))
                .contains(type);
    }

    @Test
    void namespacesAreFilteredByResourceTypeAndVisibilityAndPaged() {
        String type = unique("Test::Paged");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "page-" + i + "-" + UUID.randomUUID();
            admin.post(NAMESPACES, Map.of("namespace", name, "visibility", i == 2 ? "private" : "public",
                    "resource_type_associations", List.of(Map.of("name", type))));
            made.add(name);
        }
        String filter = NAMESPACES + "?resource_types=" + type + ",OS::Unused&sort_key=namespace&sort_dir=asc";
        assertThat(names(admin.get(filter).json().get("namespaces"), "namespace")).containsExactlyElementsOf(made);
        assertThat(names(admin.get(filter + "&visibility=private").json().get("namespaces"), "namespace"))
                .containsExactly(made.get(2));

        var first = admin.get(filter + "&limit=2").json();
        assertThat(names(first.get("namespaces"), "namespace")).containsExactly(made.get(0), made.get(1));
        var second = admin.get(first.get("next").asString()).json();
        assertThat(names(second.get("namespaces"), "namespace")).containsExactly(made.get(2));
        assertThat(second.has("next")).isFalse();
        assertThat(admin.get(NAMESPACES + "?sort_key=colour").status()).isEqualTo(400);
    }

    @Test
    void tagsAndObjectsAreListedInPagesSortedAsAsked() {
        String ns = NAMESPACES + "/" + namespace();
        admin.post(ns + "/tags", Map.of("tags", List.of(Map.of("name", "b"), Map.of("name", "a"), Map.of("name", "c"))));
        List.of("y", "x").forEach(o -> admin.post(ns + "/objects", Map.of("name", o)));

        var tags = admin.get(ns + "/tags?sort_key=name&sort_dir=asc&limit=2").json().get("tags");
        assertThat(names(tags, "name")).containsExactly("a", "b");
        var rest = admin.get(ns + "/tags?sort_key=name&sort_dir=asc&marker=b").json().get("tags");
        assertThat(names(rest, "name")).containsExactly("c");
        var objects = admin.get(ns + "/objects?sort_key=name&sort_dir=desc").json().get("objects");
        assertThat(names(objects, "name")).containsExactly("y", "x");
        assertThat(admin.get(ns + "/tags?sort_dir=sideways").status()).isEqualTo(400);
    }

    @Test
    void aNamespaceCreatedWithDefinitionsShowsThemAll() {
        String name = unique("ns");
        var created = admin.post(NAMESPACES, Map.of("namespace", name,
                "properties", Map.of("p", Map.of("title", "P", "type", "boolean")),
                "objects", List.of(Map.of("name", "o", "properties", Map.of("q", Map.of("title", "Q", "type", "number")))),
                "tags", List.of(Map.of("name", "t"))));
        assertThat(created.status()).isEqualTo(201);
        var shown = admin.get(NAMESPACES + "/" + name).json();
        assertThat(shown.at("/properties/p/type").asString()).isEqualTo("boolean");
        assertThat(shown.at("/objects/0/properties/q/type").asString()).isEqualTo("number");
        assertThat(names(shown.get("tags"), "name")).containsExactly("t");
        assertThat(shown.get("visibility").asString()).isEqualTo("private");
    }

    @Test
    void everyMetadefsSchemaIsServedUnderItsName() {
        Map<String, String> expected = Map.of("namespace", "namespace", "namespaces", "namespaces",
                "object", "object", "objects", "objects", "property", "property", "properties", "properties",
                "tag", "tag", "tags", "tags", "resource_type", "resource_type_association",
                "resource_types", "resource_type_associations");
        ApiClient member = server.member("u", unique("p"));
        expected.forEach((path, name) -> {
            var reply = member.get("/v2/schemas/metadefs/" + path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.json().get("name").asString()).as(path).isEqualTo(name);
        });
        assertThat(member.get("/v2/schemas/metadefs/namespaces").json().has("definitions")).isTrue();
    }

    @Test
    void bodiesThatAreNotObjectsAreRefusedWith400() {
        for (String body : new String[] {"[]", "null", "1", "\"x\""}) {
            assertThat(server.admin().post("/v2/metadefs/namespaces", body).status()).as(body).isEqualTo(400);
        }
    }
}
