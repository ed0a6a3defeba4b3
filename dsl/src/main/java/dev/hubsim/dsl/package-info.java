/**
 * Groovy scripts ({@code dockerhub { ... }}) that drive Docker Hub against the mock, a replay, a recording proxy
 * or the live service. Filled by the DSL work; empty for now so the module graph is in place.
 */
package dev.hubsim.dsl;
