/**
 * One leader among Plate's instances, elected through the database ({@code leader_lease}), and the work only
 * the leader does ({@link dev.plate.leadership.LeaderTasks}), on threads of its own.
 */
package dev.plate.leadership;
