package dev.overcast.compute.keypairs;

/** Public keys made with ssh-keygen and openssl, with the fingerprints those tools print. */
final class TestKeys {
    private TestKeys() {
    }

    static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ36d2LIuS+zDES42ctpNbyxdNGmHFJNw5Y7yvYSMN/4 me@host";
    static final String ED25519_MD5 = "ee:2a:f2:c4:18:de:25:81:de:7a:85:99:09:87:86:4b";

    static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC5VZGx5SMiO1JNUnQI7tDwuvx4hCW5KiYiyNRYw+9Idi/TH+"
            + "kkjzOJcaz/bOTF6HPhm/JShY+nSV40wFFBksl+xK9kctPwWPcwCc9CUySvj7xck8sqJ+P1tyMNuiGt4DvQLLlUMz4BdHbyrZu+t18fn1"
            + "Gm+LEpEJHgaGB/ib4OpQ== rsa@host";
    static final String RSA_MD5 = "ac:f3:3e:50:6f:e4:56:04:fb:f1:28:a9:65:16:c9:e8";

    static final String ECDSA = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBLUM43VEPH"
            + "JmRGWqTunxM2Qg0SZJB/s3jW/xfL2WfEEZl1YwzeRR5emIrJg8EfBv+WGM9lco9awIkRPDkzDpCi8= root@vm";
    static final String ECDSA_MD5 = "e6:33:3e:52:e8:7c:30:3b:d7:65:5e:85:7a:73:be:24";

    static final String CERT = """
            -----BEGIN CERTIFICATE-----
            MIIB/jCCAWegAwIBAgIUQxy+jGHMLkXF9T472/4tOOP23pEwDQYJKoZIhvcNAQEL
            BQAwETEPMA0GA1UEAwwGdGVzdGVyMB4XDTI2MTIwMTA1MjczMFoXDTM2MTEyODA1
            MjczMFowETEPMA0GA1UEAwwGdGVzdGVyMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCB
            iQKBgQDNXrdUuRFJ3nMXUygE/WzBogpd3SkphXao4RifMctUKNhaORtUZ0OMW24K
            o47HeHXifT+vu6Y1LL2iJzS55URQjRtBi8xRooDvEByxuneQ6umFwFIgcFkTARBh
            9yjDGzKje8kODwdEoJ+XpxMzd7/E6d3/JIEV4R4kJuAafcI2twIDAQABo1MwUTAd
            BgNVHQ4EFgQULJOADSQAVh6h3Q+y7baYWyWjORIwHwYDVR0jBBgwFoAULJOADSQA
            Vh6h3Q+y7baYWyWjORIwDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOB
            gQCyzCMnOmqaawlvjCeh1/i1+8uxwWWVDed6/JCIAqXAoL6mr/k8D0dK1IKP1cS0
            HbVVxJr1sXRyh2omtrMZmDyX47/4maLEDwbyUYJXfJp9LfieCJb2A/Fp+48mQV1P
            x/MRVZyuJmkS15LFOB2KauV2T5I4tsC0FcCQEcYjLeBYLQ==
            -----END CERTIFICATE-----
            """;
    static final String CERT_SHA1 = "c1:f0:29:59:4d:67:f6:60:21:05:21:2d:e9:85:76:3f:0c:75:8b:4a";
}
