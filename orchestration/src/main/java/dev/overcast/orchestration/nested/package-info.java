/**
 * Nested stacks: the service that lets a resource own a child stack ({@link
 * dev.overcast.orchestration.nested.NestedStacks}) and the resource types built on it:
 * OS::Heat::Stack, template resources, OS::Heat::ResourceGroup, OS::Heat::AutoScalingGroup
 * and OS::Heat::ScalingPolicy.
 */
package dev.overcast.orchestration.nested;
