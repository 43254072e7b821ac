package dev.overcast.identity.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Ids;
import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keystone's federation registry ({@code /v3/OS-FEDERATION}): identity providers with their
 * remote ids and protocols, the mappings protocols use, and service providers, which enabled
 * appear in every scoped token's {@code service_providers}. As in Keystone, an identity provider
 * created without a domain gets one of its own, named after it; a remote id belongs to one
 * provider only; a protocol names an existing mapping.
 *
 * <p>Federated authentication itself (SAML2, OpenID Connect, WebSSO, and K2K assertions) needs an
 * identity provider to talk to, and is absent: those routes answer 501.
 */
public final class FederationApi {
    private static final String BASE = "/v3/OS-FEDERATION";
    private static final String DEFAULT_RELAY_STATE_PREFIX = "ss:mem:";

    private final IdentityContext ctx;

    public FederationApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get(BASE + "/identity_providers", this::listIdps)
                .put(BASE + "/identity_providers/{idp_id}", this::createIdp)
                .get(BASE + "/identity_providers/{idp_id}", this::getIdp)
                .patch(BASE + "/identity_providers/{idp_id}", this::updateIdp)
                .delete(BASE + "/identity_providers/{idp_id}", this::deleteIdp)
                .get(BASE + "/identity_providers/{idp_id}/protocols", this::listProtocols)
                .put(BASE + "/identity_providers/{idp_id}/protocols/{protocol_id}", this::createProtocol)
                .get(BASE + "/identity_providers/{idp_id}/protocols/{protocol_id}", this::getProtocol)
                .patch(BASE + "/identity_providers/{idp_id}/protocols/{protocol_id}", this::updateProtocol)
                .delete(BASE + "/identity_providers/{idp_id}/protocols/{protocol_id}", this::deleteProtocol)
                .get(BASE + "/mappings", this::listMappings)
                .put(BASE + "/mappings/{mapping_id}", this::createMapping)
                .get(BASE + "/mappings/{mapping_id}", this::getMapping)
                .patch(BASE + "/mappings/{mapping_id}", this::updateMapping)
                .delete(BASE + "/mappings/{mapping_id}", this::deleteMapping)
                .get(BASE + "/service_providers", this::listSps)
                .put(BASE + "/service_providers/{sp_id}", this::createSp)
                .get(BASE + "/service_providers/{sp_id}", this::getSp)
                .patch(BASE + "/service_providers/{sp_id}", this::updateSp)
                .delete(BASE + "/service_providers/{sp_id}", this::deleteSp);
        String auth = BASE + "/identity_providers/{idp_id}/protocols/{protocol_id}/auth";
        r.publicRoute("GET", auth, FederationApi::authenticationAbsent);
        r.publicRoute("POST", auth, FederationApi::authenticationAbsent);
        for (String path : List.of("/v3/auth/OS-FEDERATION/websso/{protocol_id}",
                "/v3/auth/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}/websso")) {
            r.publicRoute("GET", path, FederationApi::authenticationAbsent);
            r.publicRoute("POST", path, FederationApi::authenticationAbsent);
        }
        r.publicRoute("GET", BASE + "/saml2/metadata", FederationApi::authenticationAbsent);
        r.post("/v3/auth/OS-FEDERATION/saml2", FederationApi::authenticationAbsent)
                .post("/v3/auth/OS-FEDERATION/saml2/ecp", FederationApi::authenticationAbsent);
    }

    private static Response authenticationAbsent(Request req) {
        throw ApiException.notImplemented("Federated authentication (SAML2, OpenID Connect, WebSSO, K2K) is not "
                + "implemented by Overcast; its federation API is a registry of identity providers, mappings "
                + "and service providers.");
    }

    /** The enabled service providers, as a scoped token lists them; empty when there are none. */
    public static List<ObjectNode> inToken(IdentityContext ctx) {
        return ctx.jdbi().withHandle(h -> h.createQuery(
                        "select id, auth_url, sp_url from federation_sp where enabled = true order by id")
                .map((rs, c) -> Json.object().put("auth_url", rs.getString("auth_url")).put("id", rs.getString("id"))
                        .put("sp_url", rs.getString("sp_url")))
                .list());
    }

    /** Runs a delete of one row; none deleted is the 404 {@code notFound} makes. */
    private void deleteOne(String sql, Map<String, String> binds, Supplier<ApiException> notFound) {
        int deleted = ctx.jdbi().withHandle(h -> h.createUpdate(sql).bindMap(binds).execute());
        if (deleted == 0) {
            throw notFound.get();
        }
    }

    // ---- identity providers ----

    public record Idp(String id, String domainId, String description, boolean enabled, Integer authorizationTtl) {
    }

    private Response listIdps(Request req) {
        ctx.enforce(req, "identity:list_identity_providers", Map.of());
        Optional<String> id = req.query("id");
        Optional<String> enabled = req.query("enabled");
        List<ObjectNode> out = ctx.jdbi().withHandle(h -> {
            List<ObjectNode> idps = new ArrayList<>();
            for (Idp idp : h.createQuery("select * from federation_idp order by id").map((rs, c) -> idpRow(rs)).list()) {
                if ((id.isEmpty() || id.get().equals(idp.id()))
                        && (enabled.isEmpty() || Boolean.parseBoolean(enabled.get()) == idp.enabled())) {
                    idps.add(idpJson(req, h, idp));
                }
            }
            return idps;
        });
        return Response.ok(Entity.collection("identity_providers", out, req.serviceUrl() + BASE + "/identity_providers"));
    }

    private Response createIdp(Request req) {
        ctx.enforce(req, "identity:create_identity_provider", Map.of());
        String id = req.param("idp_id");
        ObjectNode body = (ObjectNode) ctx.schemas().validate("idp_create", req.json()).get("identity_provider");
        ObjectNode out = ctx.jdbi().inTransaction(h -> {
            if (find(h, id).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store identity_provider - Duplicate "
                        + "entry.");
            }
            ProjectStore projects = h.attach(ProjectStore.class);
            String domainId = body.path("domain_id").asString(null);
            if (domainId == null) {
                // As Keystone: a domain of its own, named after the provider.
                if (projects.findDomainByName(id).isPresent()) {
                    throw ApiException.conflict("Conflict occurred attempting to store domain - Duplicate entry.");
                }
                domainId = Ids.newId();
                projects.insert(new ProjectRow(domainId, id, ProjectRow.ROOT, null, "Auto generated federated domain",
                        true, true, "{}", ctx.clock().instant()));
            } else if (projects.find(domainId).filter(ProjectRow::isDomain).isEmpty()) {
                throw ApiException.notFound("Could not find domain: " + domainId + ".");
            }
            Idp idp = new Idp(id, domainId, Entity.text(body, "description"), Entity.bool(body, "enabled", false),
                    ttl(body));
            h.createUpdate("""
                            insert into federation_idp (id, domain_id, description, enabled, authorization_ttl)
                            values (:id, :domainId, :description, :enabled, :authorizationTtl)""")
                    .bindMethods(idp).execute();
            setRemoteIds(h, id, body.path("remote_ids"));
            return idpJson(req, h, idp);
        });
        return Response.created(Json.object().set("identity_provider", out));
    }

    private Response getIdp(Request req) {
        ctx.enforce(req, "identity:get_identity_provider", Map.of());
        String id = req.param("idp_id");
        ObjectNode out = ctx.jdbi().withHandle(h -> idpJson(req, h, require(h, id)));
        return Response.ok(Json.object().set("identity_provider", out));
    }

    private Response updateIdp(Request req) {
        ctx.enforce(req, "identity:update_identity_provider", Map.of());
        String id = req.param("idp_id");
        ObjectNode body = (ObjectNode) ctx.schemas().validate("idp_update", req.json()).get("identity_provider");
        ObjectNode out = ctx.jdbi().inTransaction(h -> {
            Idp current = require(h, id);
            Idp idp = new Idp(id, current.domainId(),
                    body.has("description") ? Entity.text(body, "description") : current.description(),
                    Entity.bool(body, "enabled", current.enabled()),
                    body.has("authorization_ttl") ? ttl(body) : current.authorizationTtl());
            h.createUpdate("""
                            update federation_idp set description = :description, enabled = :enabled,
                                   authorization_ttl = :authorizationTtl where id = :id""")
                    .bindMethods(idp).execute();
            if (body.has("remote_ids")) {
                h.createUpdate("delete from federation_remote_id where idp_id = :id").bind("id", id).execute();
                setRemoteIds(h, id, body.get("remote_ids"));
            }
            return idpJson(req, h, idp);
        });
        return Response.ok(Json.object().set("identity_provider", out));
    }

    private Response deleteIdp(Request req) {
        ctx.enforce(req, "identity:delete_identity_provider", Map.of());
        String id = req.param("idp_id");
        deleteOne("delete from federation_idp where id = :id", Map.of("id", id), () -> idpNotFound(id));
        return Response.noContent();
    }

    private static Integer ttl(ObjectNode body) {
        JsonNode ttl = body.get("authorization_ttl");
        return ttl == null || ttl.isNull() ? null : ttl.asInt();
    }

    /** A remote id names one provider: another's is a 409, as in Keystone. */
    private static void setRemoteIds(Handle h, String idpId, JsonNode remoteIds) {
        if (remoteIds == null || !remoteIds.isArray()) {
            return;
        }
        for (JsonNode remote : remoteIds) {
            Optional<String> owner = h.createQuery("select idp_id from federation_remote_id where remote_id = :r")
                    .bind("r", remote.asString()).mapTo(String.class).findOne();
            if (owner.isPresent()) {
                throw ApiException.conflict("Duplicate remote ID: " + remote.asString());
            }
            h.createUpdate("insert into federation_remote_id (remote_id, idp_id) values (:r, :idp)")
                    .bind("r", remote.asString()).bind("idp", idpId).execute();
        }
    }

    private static Optional<Idp> find(Handle h, String id) {
        return h.createQuery("select * from federation_idp where id = :id").bind("id", id)
                .map((rs, c) -> idpRow(rs)).findOne();
    }

    private static Idp require(Handle h, String id) {
        return find(h, id).orElseThrow(() -> idpNotFound(id));
    }

    private static ApiException idpNotFound(String id) {
        return ApiException.notFound("Could not find Identity Provider: " + id + ".");
    }

    private static Idp idpRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        int ttl = rs.getInt("authorization_ttl");
        return new Idp(rs.getString("id"), rs.getString("domain_id"), rs.getString("description"),
                rs.getBoolean("enabled"), rs.wasNull() ? null : ttl);
    }

    private static ObjectNode idpJson(Request req, Handle h, Idp idp) {
        ObjectNode out = Json.object();
        out.put("id", idp.id());
        out.put("domain_id", idp.domainId());
        out.put("description", idp.description());
        out.put("enabled", idp.enabled());
        if (idp.authorizationTtl() == null) {
            out.putNull("authorization_ttl");
        } else {
            out.put("authorization_ttl", idp.authorizationTtl());
        }
        ArrayNode remoteIds = out.putArray("remote_ids");
        h.createQuery("select remote_id from federation_remote_id where idp_id = :id order by remote_id")
                .bind("id", idp.id()).mapTo(String.class).forEach(remoteIds::add);
        String self = req.serviceUrl() + BASE + "/identity_providers/" + idp.id();
        out.putObject("links").put("self", self).put("protocols", self + "/protocols");
        return out;
    }

    // ---- protocols ----

    private Response listProtocols(Request req) {
        ctx.enforce(req, "identity:list_protocols", Map.of());
        String idpId = req.param("idp_id");
        List<ObjectNode> out = ctx.jdbi().withHandle(h -> {
            require(h, idpId);
            return h.createQuery("select * from federation_protocol where idp_id = :idp order by id")
                    .bind("idp", idpId).map((rs, c) -> protocolJson(req, protocolRow(rs))).list();
        });
        return Response.ok(Entity.collection("protocols", out,
                req.serviceUrl() + BASE + "/identity_providers/" + idpId + "/protocols"));
    }

    private Response createProtocol(Request req) {
        ctx.enforce(req, "identity:create_protocol", Map.of());
        String idpId = req.param("idp_id");
        String id = req.param("protocol_id");
        ObjectNode body = (ObjectNode) ctx.schemas().validate("protocol", req.json()).get("protocol");
        ObjectNode out = ctx.jdbi().inTransaction(h -> {
            require(h, idpId);
            String mapping = existingMapping(h, body.get("mapping_id").asString());
            if (protocol(h, idpId, id).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store protocol - Duplicate entry.");
            }
            Protocol protocol = new Protocol(idpId, id, mapping, body.path("remote_id_attribute").asString(null));
            h.createUpdate("""
                            insert into federation_protocol (idp_id, id, mapping_id, remote_id_attribute)
                            values (:idpId, :id, :mappingId, :remoteIdAttribute)""")
                    .bindMethods(protocol).execute();
            return protocolJson(req, protocol);
        });
        return Response.created(Json.object().set("protocol", out));
    }

    private Response getProtocol(Request req) {
        ctx.enforce(req, "identity:get_protocol", Map.of());
        String idpId = req.param("idp_id");
        String id = req.param("protocol_id");
        Protocol protocol = ctx.jdbi().withHandle(h -> {
            require(h, idpId);
            return protocol(h, idpId, id).orElseThrow(() -> protocolNotFound(id));
        });
        return Response.ok(Json.object().set("protocol", protocolJson(req, protocol)));
    }

    private Response updateProtocol(Request req) {
        ctx.enforce(req, "identity:update_protocol", Map.of());
        String idpId = req.param("idp_id");
        String id = req.param("protocol_id");
        ObjectNode body = (ObjectNode) ctx.schemas().validate("protocol", req.json()).get("protocol");
        ObjectNode out = ctx.jdbi().inTransaction(h -> {
            require(h, idpId);
            protocol(h, idpId, id).orElseThrow(() -> protocolNotFound(id));
            String mapping = existingMapping(h, body.get("mapping_id").asString());
            Protocol protocol = new Protocol(idpId, id, mapping, body.path("remote_id_attribute").asString(null));
            h.createUpdate("""
                            update federation_protocol set mapping_id = :mappingId,
                                   remote_id_attribute = :remoteIdAttribute where idp_id = :idpId and id = :id""")
                    .bindMethods(protocol).execute();
            return protocolJson(req, protocol);
        });
        return Response.ok(Json.object().set("protocol", out));
    }

    private Response deleteProtocol(Request req) {
        ctx.enforce(req, "identity:delete_protocol", Map.of());
        String idpId = req.param("idp_id");
        String id = req.param("protocol_id");
        deleteOne("delete from federation_protocol where idp_id = :idp and id = :id", Map.of("idp", idpId, "id", id),
                () -> protocolNotFound(id));
        return Response.noContent();
    }

    public record Protocol(String idpId, String id, String mappingId, String remoteIdAttribute) {
    }

    private static Optional<Protocol> protocol(Handle h, String idpId, String id) {
        return h.createQuery("select * from federation_protocol where idp_id = :idp and id = :id")
                .bind("idp", idpId).bind("id", id)
                .map((rs, c) -> protocolRow(rs)).findOne();
    }

    private static Protocol protocolRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Protocol(rs.getString("idp_id"), rs.getString("id"), rs.getString("mapping_id"),
                rs.getString("remote_id_attribute"));
    }

    /** A protocol names an existing mapping: another is a 400, as Keystone's "Invalid mapping id". */
    private static String existingMapping(Handle h, String mappingId) {
        if (mapping(h, mappingId).isEmpty()) {
            throw ApiException.badRequest("Invalid mapping id: " + mappingId);
        }
        return mappingId;
    }

    private static ApiException protocolNotFound(String id) {
        return ApiException.notFound("Could not find federated protocol: " + id + ".");
    }

    private static ObjectNode protocolJson(Request req, Protocol p) {
        ObjectNode out = Json.object();
        out.put("id", p.id());
        out.put("mapping_id", p.mappingId());
        if (p.remoteIdAttribute() != null) {
            out.put("remote_id_attribute", p.remoteIdAttribute());
        }
        String idp = req.serviceUrl() + BASE + "/identity_providers/" + p.idpId();
        out.putObject("links").put("self", idp + "/protocols/" + p.id()).put("identity_provider", idp);
        return out;
    }

    // ---- mappings ----

    public record Mapping(String id, String rules, String schemaVersion) {
    }

    private Response listMappings(Request req) {
        ctx.enforce(req, "identity:list_mappings", Map.of());
        List<ObjectNode> out = ctx.jdbi().withHandle(h -> h.createQuery("select * from federation_mapping order by id")
                .map((rs, c) -> new Mapping(rs.getString("id"), rs.getString("rules"), rs.getString("schema_version")))
                .list()).stream().map(m -> mappingJson(req, m)).toList();
        return Response.ok(Entity.collection("mappings", out, req.serviceUrl() + BASE + "/mappings"));
    }

    private Response createMapping(Request req) {
        ctx.enforce(req, "identity:create_mapping", Map.of());
        String id = req.param("mapping_id");
        ObjectNode body = (ObjectNode) ctx.schemas().validate("mapping", req.json()).get("mapping");
        Mapping m = new Mapping(id, body.get("rules").toString(), body.path("schema_version").asString("1.0"));
        ctx.jdbi().useTransaction(h -> {
            if (mapping(h, id).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store mapping - Duplicate entry.");
            }
            h.createUpdate("insert into federation_mapping (id, rules, schema_version) values (:id, :rules, :schemaVersion)")
                    .bindMethods(m).execute();
        });
        return Response.created(Json.object().set("mapping", mappingJson(req, m)));
    }

    private Response getMapping(Request req) {
        ctx.enforce(req, "identity:get_mapping", Map.of());
        String id = req.param("mapping_id");
        Mapping m = ctx.jdbi().withHandle(h -> mapping(h, id)).orElseThrow(() -> mappingNotFound(id));
        return Response.ok(Json.object().set("mapping", mappingJson(req, m)));
    }

    private Response updateMapping(Request req) {
        ctx.enforce(req, "identity:update_mapping", Map.of());
        String id = req.param("mapping_id");
        ObjectNode body = (ObjectNode) ctx.schemas().validate("mapping", req.json()).get("mapping");
        Mapping m = ctx.jdbi().inTransaction(h -> {
            Mapping current = mapping(h, id).orElseThrow(() -> mappingNotFound(id));
            Mapping updated = new Mapping(id, body.get("rules").toString(),
                    body.path("schema_version").asString(current.schemaVersion()));
            h.createUpdate("update federation_mapping set rules = :rules, schema_version = :schemaVersion where id = :id")
                    .bindMethods(updated).execute();
            return updated;
        });
        return Response.ok(Json.object().set("mapping", mappingJson(req, m)));
    }

    private Response deleteMapping(Request req) {
        ctx.enforce(req, "identity:delete_mapping", Map.of());
        String id = req.param("mapping_id");
        deleteOne("delete from federation_mapping where id = :id", Map.of("id", id), () -> mappingNotFound(id));
        return Response.noContent();
    }

    private static Optional<Mapping> mapping(Handle h, String id) {
        return h.createQuery("select * from federation_mapping where id = :id").bind("id", id)
                .map((rs, c) -> new Mapping(rs.getString("id"), rs.getString("rules"), rs.getString("schema_version")))
                .findOne();
    }

    private static ApiException mappingNotFound(String id) {
        return ApiException.notFound("Could not find mapping: " + id + ".");
    }

    private static ObjectNode mappingJson(Request req, Mapping m) {
        ObjectNode out = Json.object();
        out.put("id", m.id());
        out.set("rules", Json.parse(m.rules()));
        out.put("schema_version", m.schemaVersion());
        return Entity.self(out, req.serviceUrl() + BASE + "/mappings/" + m.id());
    }

    // ---- service providers ----

    public record Sp(String id, String authUrl, String spUrl, String description, boolean enabled,
                      String relayStatePrefix) {
    }

    private Response listSps(Request req) {
        ctx.enforce(req, "identity:list_service_providers", Map.of());
        Optional<String> id = req.query("id");
        Optional<String> enabled = req.query("enabled");
        List<ObjectNode> out = ctx.jdbi().withHandle(h -> h.createQuery("select * from federation_sp order by id")
                        .map((rs, c) -> spRow(rs)).list()).stream()
                .filter(sp -> id.isEmpty() || id.get().equals(sp.id()))
                .filter(sp -> enabled.isEmpty() || Boolean.parseBoolean(enabled.get()) == sp.enabled())
                .map(sp -> spJson(req, sp)).toList();
        return Response.ok(Entity.collection("service_providers", out, req.serviceUrl() + BASE + "/service_providers"));
    }

    private Response createSp(Request req) {
        ctx.enforce(req, "identity:create_service_provider", Map.of());
        String id = req.param("sp_id");
        ObjectNode body = (ObjectNode) ctx.schemas().validate("sp_create", req.json()).get("service_provider");
        Sp sp = new Sp(id, body.get("auth_url").asString(), body.get("sp_url").asString(),
                Entity.text(body, "description"), Entity.bool(body, "enabled", false),
                body.path("relay_state_prefix").asString(DEFAULT_RELAY_STATE_PREFIX));
        ctx.jdbi().useTransaction(h -> {
            if (sp(h, id).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store service_provider - Duplicate "
                        + "entry.");
            }
            h.createUpdate("""
                            insert into federation_sp (id, auth_url, sp_url, description, enabled, relay_state_prefix)
                            values (:id, :authUrl, :spUrl, :description, :enabled, :relayStatePrefix)""")
                    .bindMethods(sp).execute();
        });
        return Response.created(Json.object().set("service_provider", spJson(req, sp)));
    }

    private Response getSp(Request req) {
        ctx.enforce(req, "identity:get_service_provider", Map.of());
        String id = req.param("sp_id");
        Sp sp = ctx.jdbi().withHandle(h -> sp(h, id)).orElseThrow(() -> spNotFound(id));
        return Response.ok(Json.object().set("service_provider", spJson(req, sp)));
    }

    private Response updateSp(Request req) {
        ctx.enforce(req, "identity:update_service_provider", Map.of());
        String id = req.param("sp_id");
        ObjectNode body = (ObjectNode) ctx.schemas().validate("sp_update", req.json()).get("service_provider");
        Sp sp = ctx.jdbi().inTransaction(h -> {
            Sp current = sp(h, id).orElseThrow(() -> spNotFound(id));
            Sp updated = new Sp(id, body.path("auth_url").asString(current.authUrl()),
                    body.path("sp_url").asString(current.spUrl()),
                    body.has("description") ? Entity.text(body, "description") : current.description(),
                    Entity.bool(body, "enabled", current.enabled()),
                    body.path("relay_state_prefix").asString(current.relayStatePrefix()));
            h.createUpdate("""
                            update federation_sp set auth_url = :authUrl, sp_url = :spUrl, description = :description,
                                   enabled = :enabled, relay_state_prefix = :relayStatePrefix where id = :id""")
                    .bindMethods(updated).execute();
            return updated;
        });
        return Response.ok(Json.object().set("service_provider", spJson(req, sp)));
    }

    private Response deleteSp(Request req) {
        ctx.enforce(req, "identity:delete_service_provider", Map.of());
        String id = req.param("sp_id");
        deleteOne("delete from federation_sp where id = :id", Map.of("id", id), () -> spNotFound(id));
        return Response.noContent();
    }

    private static Optional<Sp> sp(Handle h, String id) {
        return h.createQuery("select * from federation_sp where id = :id").bind("id", id)
                .map((rs, c) -> spRow(rs)).findOne();
    }

    private static Sp spRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Sp(rs.getString("id"), rs.getString("auth_url"), rs.getString("sp_url"),
                rs.getString("description"), rs.getBoolean("enabled"), rs.getString("relay_state_prefix"));
    }

    private static ApiException spNotFound(String id) {
        return ApiException.notFound("Could not find Service Provider: " + id + ".");
    }

    private static ObjectNode spJson(Request req, Sp sp) {
        ObjectNode out = Json.object();
        out.put("id", sp.id());
        out.put("auth_url", sp.authUrl());
        out.put("sp_url", sp.spUrl());
        out.put("description", sp.description());
        out.put("enabled", sp.enabled());
        out.put("relay_state_prefix", sp.relayStatePrefix());
        return Entity.self(out, req.serviceUrl() + BASE + "/service_providers/" + sp.id());
    }
}
