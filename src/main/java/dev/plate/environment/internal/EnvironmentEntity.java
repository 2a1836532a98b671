package dev.plate.environment.internal;

import dev.plate.environment.EnvironmentSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "environment")
class EnvironmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 63)
    private String name;

    @Column(nullable = false)
    private int position;

    @Column(name = "cluster_server", nullable = false)
    private String clusterServer;

    @Column(name = "namespace_pattern", nullable = false, length = 128)
    private String namespacePattern;

    @Column(name = "auto_sync", nullable = false)
    private boolean autoSync;

    @Column(name = "protected_env", nullable = false)
    private boolean protectedEnvironment;

    @Column(name = "approvals_required", nullable = false)
    private int approvalsRequired;

    @Column(name = "approver_role", nullable = false, length = 16)
    private String approverRole = "MAINTAINER";

    @Column(name = "approvers_team_only", nullable = false)
    private boolean approversTeamOnly;

    @Column(name = "requester_may_approve", nullable = false)
    private boolean requesterMayApprove;

    @Column(name = "approval_expiry_minutes", nullable = false)
    private long approvalExpiryMinutes = 1440;

    @Version
    private long version;

    protected EnvironmentEntity() {}

    EnvironmentEntity(String name, int position, String clusterServer, String namespacePattern, boolean autoSync,
            boolean protectedEnvironment) {
        this.name = name;
        this.position = position;
        this.clusterServer = clusterServer;
        this.namespacePattern = namespacePattern;
        this.autoSync = autoSync;
        this.protectedEnvironment = protectedEnvironment;
    }

    String name() {
        return name;
    }

    int position() {
        return position;
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    void configure(String newClusterServer, String newNamespacePattern, boolean newAutoSync,
            boolean newProtectedEnvironment) {
        this.clusterServer = newClusterServer;
        this.namespacePattern = newNamespacePattern;
        this.autoSync = newAutoSync;
        this.protectedEnvironment = newProtectedEnvironment;
    }

    void requireApprovals(dev.plate.environment.ApprovalPolicy policy) {
        approvalsRequired = policy.required();
        approverRole = policy.approverRole().name();
        approversTeamOnly = policy.teamOnly();
        requesterMayApprove = policy.requesterMayApprove();
        approvalExpiryMinutes = policy.expiry().toMinutes();
    }

    void rename(String newName) {
        name = newName;
    }

    EnvironmentSummary toSummary() {
        return new EnvironmentSummary(id, name, position, clusterServer, namespacePattern, autoSync,
                protectedEnvironment, new dev.plate.environment.ApprovalPolicy(approvalsRequired,
                        dev.plate.security.Role.valueOf(approverRole), approversTeamOnly, requesterMayApprove,
                        java.time.Duration.ofMinutes(approvalExpiryMinutes)));
    }
}
