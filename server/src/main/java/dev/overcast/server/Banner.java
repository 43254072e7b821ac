package dev.overcast.server;

/** What {@code overcast} prints once it is serving: where, who, and how to point a client at it. */
final class Banner {
    private Banner() {
    }

    static String text(Overcast overcast) {
        OvercastConfig config = overcast.config();
        String passwordSource = config.adminPassword() != null && !config.adminPassword().isEmpty()
                ? "from configuration" : "saved in " + config.dataDir().resolve("admin-password");
        return """
                Overcast is running at %1$s
                  Identity:  %2$s
                  Admin:     user admin, project admin, domain Default, region %3$s
                  Password:  %4$s  (%5$s)
                  Data dir:  %6$s

                For the openstack CLI:
                  export OS_AUTH_URL=%2$s
                  export OS_IDENTITY_API_VERSION=3
                  export OS_USERNAME=admin
                  export OS_PASSWORD='%4$s'
                  export OS_PROJECT_NAME=admin
                  export OS_USER_DOMAIN_NAME=Default
                  export OS_PROJECT_DOMAIN_NAME=Default
                  export OS_REGION_NAME=%3$s

                Or in clouds.yaml (then: export OS_CLOUD=overcast):
                  clouds:
                    overcast:
                      auth:
                        auth_url: %2$s
                        username: admin
                        password: '%4$s'
                        project_name: admin
                        user_domain_name: Default
                        project_domain_name: Default
                      region_name: %3$s
                      identity_api_version: 3

                Press Ctrl-C to stop.""".formatted(overcast.url(), overcast.identityUrl(), config.region(),
                overcast.adminPassword(), passwordSource, config.dataDir());
    }
}
