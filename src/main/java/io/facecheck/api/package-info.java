/**
 * {@code facecheck serve}: the HTTP JSON API under {@code /api/v1} (docs/api.md). Thin handlers over the services
 * of {@code io.facecheck.app}; token, scope, rate and size checks before any handler runs; every error a JSON
 * {@code {error, message}} with its status.
 */
package io.facecheck.api;
