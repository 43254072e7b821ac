package dev.overcast.orchestration.template.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyTest {

    @Test
    void strAndReprShowValuesAsPythonDoes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", List.of(1, "x", true));
        map.put("b", null);
        assertThat(Py.str(map)).isEqualTo("{'a': [1, 'x', True], 'b': None}");
        assertThat(Py.str(true)).isEqualTo("True");
        assertThat(Py.str(null)).isEqualTo("None");
        assertThat(Py.repr("it's")).isEqualTo("\"it's\"");
        assertThat(Py.str(2.0)).isEqualTo("2.0");
        assertThat(Py.str(1e20)).isEqualTo("1e+20");
        assertThat(Py.str(0.1)).isEqualTo("0.1");
        assertThat(Py.str(123456789.125)).isEqualTo("123456789.125");
        assertThat(Py.str(1e-5)).isEqualTo("1e-05");
        assertThat(Py.str(0.0001)).isEqualTo("0.0001");
        assertThat(Py.str(1.5e16)).isEqualTo("1.5e+16");
        assertThat(Py.str(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(Py.str(1e15)).isEqualTo("1000000000000000.0");
    }

    @Test
    void typeNamesAreAsPythonShowsThem() {
        assertThat(Py.typeName("x")).isEqualTo("<class 'str'>");
        assertThat(Py.typeName(List.of())).isEqualTo("<class 'list'>");
        assertThat(Py.typeName(Map.of())).isEqualTo("<class 'dict'>");
        assertThat(Py.typeName(3L)).isEqualTo("<class 'int'>");
        assertThat(Py.typeName(null)).isEqualTo("<class 'NoneType'>");
    }

    @Test
    void equalityIsPythons() {
        assertThat(Py.equal(1, 1.0)).isTrue();
        assertThat(Py.equal(true, 1)).isTrue();
        assertThat(Py.equal(1L, BigInteger.ONE)).isTrue();
        assertThat(Py.equal("1", 1)).isFalse();
        assertThat(Py.equal(List.of(1, Map.of("a", 2.0)), List.of(1.0, Map.of("a", 2)))).isTrue();
        assertThat(Py.equal(Arrays.asList(1, null), Arrays.asList(1, null))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "42        | 42",
            "' 7 '     | 7",
            "-3        | -3",
            "1.5       | 1.5",
            "1e3       | 1000.0",
            "99999999999 | 99999999999"})
    void stringsBecomeNumbersAsHeatsStrToNum(String text, String expected) {
        assertThat(Py.str(Py.toNumber(text))).isEqualTo(expected);
    }

    @Test
    void somethingThatIsNoNumberIsRefusedWithPythonsMessage() {
        assertThatThrownBy(() -> Py.toNumber("abc")).hasMessage("could not convert string to float: 'abc'");
        assertThatThrownBy(() -> Py.toNumber(List.of()))
                .hasMessage("int() argument must be a string, a bytes-like object or a real number, not 'list'");
    }

    @Test
    void jsonIsWrittenAsPythonsJsonDumps() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", List.of(1, 2.5, "é"));
        map.put("a", Arrays.asList(true, null));
        assertThat(Py.jsonDumps(map, true)).isEqualTo("{\"a\": [true, null], \"z\": [1, 2.5, \"\\u00e9\"]}");
        assertThat(Py.jsonDumps(map, false)).startsWith("{\"z\"");
    }

    @Test
    void truthIsPythons() {
        assertThat(Py.truthy("")).isFalse();
        assertThat(Py.truthy(0)).isFalse();
        assertThat(Py.truthy(List.of())).isFalse();
        assertThat(Py.truthy("0")).isTrue();
        assertThat(Py.truthy(Map.of("a", 1))).isTrue();
    }
}
