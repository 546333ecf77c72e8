package io.keepersync.schemas.serde;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * A specific data model that decodes Avro arrays into plain lists. Avro's own array type compares
 * its elements without logical-type conversions, so {@code equals} fails on decoded records that
 * hold timestamps inside arrays.
 */
final class PlainListModel extends SpecificData {

    static SpecificData copyOf(final SpecificData model) {
        final PlainListModel copy = new PlainListModel();
        model.getConversions().forEach(copy::addLogicalTypeConversion);
        return copy;
    }

    @Override
    public Object newArray(final Object old, final int size, final Schema schema) {
        if (old instanceof List<?> list) {
            list.clear();
            return list;
        }
        return new ArrayList<>(size);
    }
}
