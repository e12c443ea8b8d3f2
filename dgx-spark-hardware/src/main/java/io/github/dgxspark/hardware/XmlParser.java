package io.github.dgxspark.hardware;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads {@code nvidia-smi -q -x}: driver and CUDA versions, and per {@code <gpu>} the name, bus id,
 * framebuffer total (the GPU's own, not a MIG device's), power limit, PCIe link and, when MIG is
 * enabled, each MIG device's memory. The DTD is never loaded and entities are not expanded.
 */
final class XmlParser {
  static final String FORMAT = "nvidia-smi -q -x";

  private static final Pattern MIB = Pattern.compile("(\\d+) MiB");
  private static final Pattern WATTS = Pattern.compile("(\\d+(?:\\.\\d+)?) W");
  private static final Pattern WIDTH = Pattern.compile("(\\d+)x");

  private XmlParser() {}

  static void read(List<String> lines, int firstLine, Facts facts) {
    Objects.requireNonNull(lines, "lines");
    facts.format(FORMAT);
    Document doc = document(lines, firstLine);
    Element root = doc.getDocumentElement();
    if (!root.getTagName().equals("nvidia_smi_log")) {
      throw new HardwareException(
          String.format(
              Locale.ROOT,
              "nvidia-smi XML starting on line %d has root element <%s>; expected <nvidia_smi_log>",
              firstLine,
              root.getTagName()));
    }
    facts.driver(childText(root, "driver_version"));
    facts.cuda(childText(root, "cuda_version"));
    List<Element> gpus = children(root, "gpu");
    if (gpus.isEmpty()) {
      facts.noDevices = true;
    }
    for (int i = 0; i < gpus.size(); i++) {
      Element g = gpus.get(i);
      Facts.GpuFacts gpu = facts.gpu(i);
      gpu.name(childText(g, "product_name"));
      gpu.busId(g.getAttribute("id"));
      Element fb = child(g, "fb_memory_usage");
      if (fb != null) {
        gpu.memory(mebibytes(childText(fb, "total"), firstLine));
      }
      Element mig = child(g, "mig_mode");
      Element devices = child(g, "mig_devices");
      if (mig != null && "Enabled".equals(childText(mig, "current_mig")) && devices != null) {
        for (Element d : children(devices, "mig_device")) {
          Element dfb = child(d, "fb_memory_usage");
          long bytes = dfb == null ? 0 : mebibytes(childText(dfb, "total"), firstLine);
          if (bytes > 0) {
            gpu.migMemoryBytes.add(bytes);
          }
        }
      }
      Element power = child(g, "gpu_power_readings");
      if (power == null) {
        power = child(g, "power_readings");
      }
      if (power != null) {
        String limit = childText(power, "current_power_limit");
        if (limit.isEmpty()) {
          limit = childText(power, "power_limit");
        }
        Matcher w = WATTS.matcher(limit);
        if (w.matches()) {
          gpu.powerLimit(Text.decimal(w.group(1), "GPU power limit", firstLine, limit));
        }
      }
      Element link = child(child(g, "pci"), "pci_gpu_link_info");
      if (link != null) {
        String gen = childText(child(link, "pcie_gen"), "current_link_gen");
        if (gen.matches("\\d{1,2}") && gpu.pcieGeneration == 0) {
          gpu.pcieGeneration = Integer.parseInt(gen);
        }
        Matcher width = WIDTH.matcher(childText(child(link, "link_widths"), "current_link_width"));
        if (width.matches() && width.group(1).length() <= 3 && gpu.pcieLinkWidth == 0) {
          gpu.pcieLinkWidth = Integer.parseInt(width.group(1));
        }
      }
    }
  }

  private static long mebibytes(String value, int firstLine) {
    if (Text.absent(value)) {
      return 0;
    }
    Matcher m = MIB.matcher(value);
    if (!m.matches()) {
      throw new HardwareException(
          String.format(
              Locale.ROOT,
              "nvidia-smi XML starting on line %d has memory '%s'; expected 'N MiB' or N/A",
              firstLine,
              Text.shorten(value)));
    }
    return Text.mebibytes(m.group(1), "GPU memory", firstLine, value);
  }

  private static Document document(List<String> lines, int firstLine) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(QUIET);
      return b.parse(new InputSource(new StringReader(String.join("\n", lines))));
    } catch (SAXParseException e) {
      int at = e.getLineNumber();
      String line = at >= 1 && at <= lines.size() ? lines.get(at - 1) : "";
      throw new HardwareException(
          String.format(
              Locale.ROOT,
              "nvidia-smi XML line %d ('%s') cannot be parsed: %s; expected the output of"
                  + " nvidia-smi -q -x",
              firstLine + Math.max(at, 1) - 1,
              Text.shorten(line),
              e.getMessage()),
          e);
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new HardwareException(
          String.format(
              Locale.ROOT,
              "nvidia-smi XML starting on line %d cannot be parsed: %s",
              firstLine,
              e.getMessage()),
          e);
    }
  }

  private static final ErrorHandler QUIET =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // warnings (such as an unread DTD) do not stop parsing
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private static Element child(Element parent, String tag) {
    if (parent == null) {
      return null;
    }
    NodeList list = parent.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      Node n = list.item(i);
      if (n instanceof Element && ((Element) n).getTagName().equals(tag)) {
        return (Element) n;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList list = parent.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      Node n = list.item(i);
      if (n instanceof Element && ((Element) n).getTagName().equals(tag)) {
        out.add((Element) n);
      }
    }
    return out;
  }

  private static String childText(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? "" : e.getTextContent().trim();
  }
}
