package dev.plate.security.internal;

import dev.plate.security.Role;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findAllByOrderByUsernameAsc();

    Optional<UserAccount> findByIdentityIssuerAndIdentitySubject(String issuer, String subject);

    /** Row lock: concurrent failed logins for one account must each be counted. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from UserAccount a where a.username = :username")
    Optional<UserAccount> findForUpdateByUsername(String username);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from UserAccount a where a.role = :role and a.enabled = true")
    List<UserAccount> lockEnabledWithRole(Role role);
}
