package dev.plate.gitops;

import dev.plate.base.ConflictException;

/**
 * A file a change was computed from changed before the change could be committed (another instance committed, or
 * someone pushed): nothing was committed; the change is to be computed again from what the file holds now.
 */
public class ChangedMeanwhileException extends ConflictException {

    public ChangedMeanwhileException(String path) {
        super("values", path + " changed while this change was being made (another change landed first): nothing was "
                + "committed. Look at it again and retry.");
    }
}
