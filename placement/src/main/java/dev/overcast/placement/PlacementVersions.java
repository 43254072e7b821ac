package dev.overcast.placement;

import dev.overcast.core.version.VersionHistory;

/** Placement's microversions, 1.0 to 1.39, as upstream's version history names them. */
public final class PlacementVersions {
    private PlacementVersions() {
    }

    public static final VersionHistory HISTORY = VersionHistory.builder("placement", null)
            .version("1.0", "Initial version: resource providers, inventories, usages and allocations")
            .version("1.1", "Resource provider aggregates")
            .version("1.2", "Custom resource classes")
            .version("1.3", "member_of on GET /resource_providers")
            .version("1.4", "resources on GET /resource_providers")
            .version("1.5", "DELETE /resource_providers/{uuid}/inventories")
            .version("1.6", "Traits")
            .version("1.7", "PUT /resource_classes/{name} creates a custom class idempotently")
            .version("1.8", "project_id and user_id required on PUT /allocations/{consumer_uuid}")
            .version("1.9", "GET /usages by project and user")
            .version("1.10", "GET /allocation_candidates")
            .version("1.11", "allocations links on resource providers")
            .version("1.12", "PUT /allocations/{consumer_uuid} takes allocations as a dict")
            .version("1.13", "POST /allocations for many consumers at once")
            .version("1.14", "Nested providers: parent_provider_uuid, root_provider_uuid, in_tree")
            .version("1.15", "last-modified and cache-control headers")
            .version("1.16", "limit on GET /allocation_candidates")
            .version("1.17", "required traits on GET /allocation_candidates")
            .version("1.18", "required traits on GET /resource_providers")
            .version("1.19", "Aggregates responses carry the provider generation; PUT needs it")
            .version("1.20", "POST /resource_providers answers 200 with the provider")
            .version("1.21", "member_of on GET /allocation_candidates")
            .version("1.22", "Forbidden traits (!TRAIT)")
            .version("1.23", "Error codes in error responses")
            .version("1.24", "member_of repeatable")
            .version("1.25", "Granular resource requests (resourcesN, requiredN, member_ofN, group_policy)")
            .version("1.26", "An inventory's reserved may equal its total")
            .version("1.27", "provider_summaries list every resource class of the provider")
            .version("1.28", "Consumer generations")
            .version("1.29", "Nested providers in allocation candidates")
            .version("1.30", "POST /reshaper")
            .version("1.31", "in_tree on GET /allocation_candidates")
            .version("1.32", "Forbidden aggregates (member_of=!agg)")
            .version("1.33", "String request group suffixes")
            .version("1.34", "Request group mappings in allocation candidates")
            .version("1.35", "root_required on GET /allocation_candidates")
            .version("1.36", "same_subtree on GET /allocation_candidates")
            .version("1.37", "Re-parenting and un-parenting through PUT /resource_providers/{uuid}")
            .version("1.38", "consumer_type on allocations, usages and the reshaper")
            .version("1.39", "Any-traits (required=in:T1,T2) and repeated required")
            .build();
}
